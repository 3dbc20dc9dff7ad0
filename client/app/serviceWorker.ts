/**
 * The offline shell: /sw.js (client/public/sw.js) keeps the page and its assets so a board
 * reloads without a network; the board's data comes from IndexedDB (y-indexeddb).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it the app still works online; only an offline reload is lost.
    });
  });
}
