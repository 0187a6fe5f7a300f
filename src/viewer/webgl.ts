// Checks for WebGL 2 (what three.js needs) before any 3D code loads, so the fallback can be shown instead.
export function hasWebGL(): boolean {
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2");
    if (!gl) return false;
    // Give the test context back at once: browsers cap how many live contexts a page may hold.
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return true;
  } catch {
    return false;
  }
}
