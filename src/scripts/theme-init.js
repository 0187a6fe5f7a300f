// Apply the saved theme before first paint so there is no flash of the wrong theme.
// Inlined into every page's <head>; its SHA-256 is added to the CSP in astro.config.mjs.
try {
  const saved = localStorage.getItem("palpate-theme");
  if (saved === "light" || saved === "dark") document.documentElement.dataset.theme = saved;
} catch {}
