// The share bar's enhancements: the device's own share sheet (Web Share API) and "copy link".
// The plain links work without this file. One listener for the whole page, so articles the
// infinite-scroll loader adds later are covered too.

const canShare = typeof navigator.share === "function";
const canCopy = Boolean(navigator.clipboard && window.isSecureContext);

function reveal(root) {
  for (const bar of root.querySelectorAll(".share")) {
    const native = bar.querySelector(".share__native");
    const copy = bar.querySelector(".share__copy");
    if (native) native.hidden = !canShare;
    if (copy) copy.hidden = !canCopy;
  }
}

reveal(document);
new MutationObserver((changes) => {
  for (const change of changes) {
    for (const node of change.addedNodes) {
      if (node instanceof Element) reveal(node);
    }
  }
}).observe(document.body, { childList: true, subtree: true });

document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest(".share__native, .share__copy") : null;
  const bar = button?.closest(".share");
  if (!button || !bar) return;
  const url = bar.dataset.shareUrl;
  const title = bar.dataset.shareTitle;
  if (button.classList.contains("share__native")) {
    try {
      await navigator.share({ title, url });
    } catch {
      // The reader closed the sheet: nothing to do.
    }
    return;
  }
  try {
    await navigator.clipboard.writeText(url);
    const status = bar.querySelector(".share__status");
    if (status) status.textContent = bar.dataset.copied || "";
    button.classList.add("share__copy--done");
    button.textContent = bar.dataset.copied || button.textContent;
  } catch {
    button.hidden = true;
  }
});
