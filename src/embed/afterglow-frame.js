// For a clinic page that frames Afterglow (the iframe option): sizes each
// <iframe data-afterglow-frame> to the height its Afterglow page reports, so the journal
// never shows a second scrollbar. It accepts only {type: "afterglow:height", height}
// from the frame's own origin and sends nothing. It sets no globals.
addEventListener('message', (event) => {
  const { data } = event;
  if (!data || data.type !== 'afterglow:height' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe[data-afterglow-frame]')) {
    if (frame.contentWindow !== event.source) continue;
    if (new URL(frame.src, location.href).origin !== event.origin) continue;
    // CSSOM, not a style attribute: allowed under style-src 'self'.
    frame.style.height = `${Math.min(Math.max(Math.ceil(data.height), 320), 100000)}px`;
  }
});
