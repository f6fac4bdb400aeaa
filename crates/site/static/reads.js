// Most read: one beacon per article a reader actually sees (the page's own and each one the
// infinite-scroll loader adds), sent when half of its headline block is on screen. No
// cookie, no identifier: the server counts a view once per address and hour.

const sent = new Set();

function send(id) {
  if (sent.has(id)) return;
  sent.add(id);
  const body = new Blob([JSON.stringify({ article_id: id })], { type: "application/json" });
  if (!(navigator.sendBeacon && navigator.sendBeacon("/api/v1/reads", body))) {
    fetch("/api/v1/reads", { method: "POST", body, keepalive: true, headers: { "Content-Type": "application/json" } }).catch(() => {});
  }
}

const seen = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    seen.unobserve(entry.target);
    const id = Number(entry.target.closest(".story")?.id.replace("story-", ""));
    if (Number.isInteger(id) && id > 0) send(id);
  }
}, { threshold: 0.5 });

function watch(root) {
  const own = root.matches?.(".story") ? root.querySelector(":scope > .story__header") : null;
  if (own) seen.observe(own);
  for (const header of root.querySelectorAll(".story > .story__header")) seen.observe(header);
}

watch(document);
new MutationObserver((changes) => {
  for (const change of changes) {
    for (const node of change.addedNodes) {
      if (node instanceof Element) watch(node);
    }
  }
}).observe(document.body, { childList: true, subtree: true });
