// Checks for WebGL 2 (what three.js needs) before any 3D code loads, so the fallback can be shown instead, and
// notices software rendering (no GPU), where the viewer lowers its drawing cost.
//
// A page's first WebGL context is slow to make: the browser's GPU process sets up its graphics backend, and the
// page's main thread waits (0.3-0.5 s with SwiftShader on the test machine, a long task that freezes scrolling and
// taps). `probeWebGL` first makes a throwaway context in a worker (webgl-warmup.worker.ts), so that wait happens off
// the main thread; the check on the page then takes about 10 ms. One check serves every viewer of the page.
export interface WebGLSupport {
  /** WebGL 2 is available. */
  available: boolean;
  /** Rendered on the CPU (SwiftShader, llvmpipe): skip multisampling and keep the pixel ratio at 1. */
  software: boolean;
}

/** The worker's answer can never hold a viewer back longer than this. */
const WARM_UP_TIMEOUT_MS = 3000;

let warmUp: Promise<void> | undefined;

/** Starts the GPU set-up in a worker (once per page); resolves when done, failed or unsupported. */
export function warmUpWebGL(): Promise<void> {
  warmUp ??= new Promise<void>((resolve) => {
    if (typeof Worker !== "function" || typeof OffscreenCanvas !== "function") return resolve();
    let worker: Worker;
    try {
      worker = new Worker(new URL("./webgl-warmup.worker.ts", import.meta.url), { type: "module" });
    } catch {
      return resolve();
    }
    const done = () => {
      clearTimeout(timer);
      worker.terminate();
      resolve();
    };
    const timer = setTimeout(done, WARM_UP_TIMEOUT_MS);
    worker.onmessage = done;
    worker.onerror = done;
  });
  return warmUp;
}

let support: Promise<WebGLSupport> | undefined;

/** The page's WebGL support, checked once on the main thread after the worker has woken the GPU. */
export function probeWebGL(): Promise<WebGLSupport> {
  support ??= warmUpWebGL().then(detectWebGL);
  return support;
}

export function detectWebGL(): WebGLSupport {
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2");
    if (!gl) return { available: false, software: false };
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    // Give the test context back at once: browsers cap how many live contexts a page may hold.
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return { available: true, software: /swiftshader|llvmpipe|software|softpipe/i.test(renderer) };
  } catch {
    return { available: false, software: false };
  }
}
