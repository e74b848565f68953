// Looks like the third-party scripts clinic pages carry: a data layer, prototype
// patches, capture-phase listeners, a DOM observer, a timer, and a peek at localStorage
// (which is why the iframe option exists). It never touches the network.
window.dataLayer = window.dataLayer || [];
window.gtag = function gtag() {
  window.dataLayer.push(arguments);
};
Object.prototype.__tracked = true;
Array.prototype.last = function last() {
  return this[this.length - 1];
};
String.prototype.trim = function trim() {
  return this.replace(/^\s+|\s+$/g, '');
};
document.addEventListener('click', (e) => window.gtag('click', e.target.tagName), true);
document.addEventListener('keydown', (e) => window.gtag('key', e.key.length), true);
new MutationObserver((changes) => window.gtag('dom', changes.length)).observe(document.documentElement, {
  childList: true,
  subtree: true,
  attributes: true,
});
setInterval(() => window.gtag('heartbeat'), 500);
window.gtag('storage-keys', Object.keys(localStorage).length);
