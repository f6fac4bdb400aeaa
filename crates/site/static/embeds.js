// Embedded videos (`::embed[URL]`): the page shows a facade that loads nothing from the
// video's provider; pressing play swaps it for the provider's privacy-friendly player
// (youtube-nocookie.com, Vimeo with "do not track"). Without this file the facade is a
// link to the video. One listener for the whole page, so articles the infinite-scroll
// loader adds later are covered too.

// The renderer links videos only in these spellings (crates/core/src/body/social.rs);
// anything else stays a link.
const PLAYERS = [
  [/^https:\/\/www\.youtube\.com\/watch\?v=([A-Za-z0-9_-]{11})$/, (id) => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`],
  [/^https:\/\/vimeo\.com\/(\d{1,20})$/, (id) => `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`],
];

const playerFor = (href) => {
  for (const [pattern, player] of PLAYERS) {
    const match = pattern.exec(href);
    if (match) return player(match[1]);
  }
  return null;
};

document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest(".embed-video .embed-play") : null;
  // A new tab or window is the reader's choice of where to watch.
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const src = playerFor(link.getAttribute("href") ?? "");
  if (!src) return;
  event.preventDefault();
  const frame = document.createElement("iframe");
  frame.className = "embed-frame";
  frame.src = src;
  const provider = link.querySelector(".embed-provider")?.textContent.trim() ?? "";
  const caption = link.closest("figure")?.querySelector("figcaption .caption")?.textContent.trim();
  frame.title = caption ? `${provider}: ${caption}` : provider;
  frame.loading = "lazy";
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
  frame.allowFullscreen = true;
  link.replaceWith(frame);
  frame.focus();
});
