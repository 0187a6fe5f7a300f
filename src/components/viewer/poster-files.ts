// Where figure posters (poster.ts) are cached while pages render, and the site path they are served from; read by
// the renderer and by the posters integration (src/integrations/posters.ts), which copies them into dist/.
export const POSTER_CACHE = ".cache/posters";
export const POSTER_URL = "/posters";
