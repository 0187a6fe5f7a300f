// Checks for WebGL 2 (what three.js needs) before any 3D code loads, so the fallback can be shown instead, and
// notices software rendering (no GPU), where the viewer lowers its drawing cost.
export interface WebGLSupport {
  /** WebGL 2 is available. */
  available: boolean;
  /** Rendered on the CPU (SwiftShader, llvmpipe): skip multisampling and keep the pixel ratio at 1. */
  software: boolean;
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
