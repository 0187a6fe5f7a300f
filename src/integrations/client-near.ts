// Adds the `client:near` directive (src/client-directives/near.ts): hydrate near the screen, after the page's load.
import type { AstroIntegration } from "astro";

declare module "astro" {
  interface AstroClientDirectives {
    "client:near"?: boolean | { rootMargin?: string };
  }
}

export function clientNear(): AstroIntegration {
  return {
    name: "palpate:client-near",
    hooks: {
      "astro:config:setup": ({ addClientDirective }) => {
        addClientDirective({
          name: "near",
          entrypoint: new URL("../client-directives/near.ts", import.meta.url).pathname,
        });
      },
    },
  };
}
