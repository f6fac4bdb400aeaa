// The infinite-scroll loader of the article page.
//
// When the reader nears the end of an article, the next one (its `data-next-fragment`
// URL returns just the <article> element) is fetched and appended. As the reader scrolls
// into an article, the address bar, the document title and the edition switcher follow it.
// Without JavaScript (or on failure) the plain "Next article" link does the same job.
//
// The address is replaced, never pushed: the stream is one page the reader is scrolling,
// so Back leaves it at once (a history entry per article made Back walk up the stream one
// article per press, and the first press seemed to do nothing). After MAX_ARTICLES the
// loader stops and offers the section and the front page instead, so the footer and the
// newsfeed column, which follow the stream on a phone, stay within reach.

const MAX_ARTICLES = 5;
const container = document.querySelector("[data-infinite-scroll]");

if (container && "IntersectionObserver" in window && "fetch" in window) {
  start(container);
}

function start(container) {
  const status = document.createElement("p");
  status.className = "infinite-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  container.append(status);

  let loading = false;
  let failed = false;
  let loaded = container.querySelectorAll("article.story").length;

  const reading = new IntersectionObserver(onReading, {
    // An article is "being read" while it crosses the upper third of the viewport.
    rootMargin: "-30% 0px -60% 0px",
  });
  for (const story of container.querySelectorAll("article.story")) {
    reading.observe(story);
  }

  // Measured on scroll rather than watched with an IntersectionObserver: a fling on a
  // phone carries the end of an article from below the screen to above it between two
  // frames, and an observer, seeing it intersect at neither, would never load the next.
  let queued = false;
  window.addEventListener("scroll", () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      checkEnd();
    });
  }, { passive: true });
  checkEnd();

  function lastStory() {
    const all = container.querySelectorAll("article.story");
    return all[all.length - 1];
  }

  function checkEnd() {
    const story = lastStory();
    if (loading || failed || !story || !story.dataset.nextFragment) return;
    if (loaded >= MAX_ARTICLES) {
      showEnd();
      return;
    }
    const end = story.querySelector(".next-article") || story;
    // Within 900 px below the screen, or already above it.
    if (end.getBoundingClientRect().top < window.innerHeight + 900) loadAfter(story);
  }

  // The server renders the ways on (localised) in a <template>; shown once, after the
  // last article the loader will append.
  function showEnd() {
    const template = document.getElementById("stream-end");
    if (!template || container.querySelector(".infinite-scroll__end")) return;
    status.before(template.content.firstElementChild.cloneNode(true));
  }

  async function loadAfter(story) {
    if (loading || !story || !story.dataset.nextFragment || loaded >= MAX_ARTICLES) return;
    loading = true;
    status.textContent = container.dataset.loadingText || "";
    try {
      const response = await fetch(story.dataset.nextFragment, {
        headers: { Accept: "text/html" },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      const next = doc.querySelector("article.story");
      if (!next || container.querySelector(`#${CSS.escape(next.id)}`)) {
        failed = true;
        return;
      }
      const imported = document.importNode(next, true);
      imported.classList.add("story--incoming");
      // The loaded article follows directly: the previous one's link is now redundant.
      const link = story.querySelector(".next-article");
      if (link) link.hidden = true;
      status.before(imported);
      loaded += 1;
      reading.observe(imported);
      if (loaded >= MAX_ARTICLES) showEnd();
    } catch (error) {
      // The "Next article" link stays visible, so the reader can still go on; no retry
      // on every scroll.
      failed = true;
      console.warn("next article could not be loaded", error);
    } finally {
      status.textContent = "";
      loading = false;
    }
  }

  function onReading(entries) {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const story = entry.target;
      const url = story.dataset.url;
      if (!url || url === location.pathname) continue;
      // A reload or a return without the back-forward cache shows this article alone:
      // its top, not the scroll offset of a stream that is gone.
      history.scrollRestoration = "manual";
      history.replaceState(history.state, "", url);
      document.title = story.dataset.title;
      followEditions(story);
    }
  }
}

// The edition switcher links the article being read in the other editions (the server
// does so for the first one), or their front pages where it has no translation.
function followEditions(story) {
  const versions = new Map(
    (story.dataset.translations || "")
      .split(" ")
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
  );
  for (const link of document.querySelectorAll(".editions a[hreflang]")) {
    if (link.hasAttribute("aria-current")) continue;
    const code = link.getAttribute("hreflang");
    link.setAttribute("href", versions.get(code) || `/${code}`);
  }
}
