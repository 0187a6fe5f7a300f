// Makes and drops one WebGL 2 context off the main thread, so the browser sets up its GPU backend here rather than
// in a long task on the page (see probeWebGL in webgl.ts). It answers once, whatever happened.
try {
  const gl = new OffscreenCanvas(1, 1).getContext("webgl2");
  // The first query waits until the context really exists.
  gl?.getParameter(gl.MAX_TEXTURE_SIZE);
  gl?.getExtension("WEBGL_lose_context")?.loseContext();
} finally {
  postMessage("done");
}
