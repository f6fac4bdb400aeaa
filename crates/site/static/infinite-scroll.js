// The infinite-scroll loader of the article page.
//
// When the reader nears the end of an article, the next one (its `data-next-fragment`
// URL returns just the <article> element) is fetched and appended. As the reader scrolls
// into an article, the address bar, the document title and the history follow it.
// Without JavaScript (or on failure) the plain "Next article" link does the same job.

const MAX_ARTICLES = 20;
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
  let loaded = 1;
  const visited = new Set([location.pathname]);

  const reading = new IntersectionObserver(onReading, {
    // An article is "being read" while it crosses the upper third of the viewport.
    rootMargin: "-30% 0px -60% 0px",
  });
  const nearing = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        nearing.unobserve(entry.target);
        loadAfter(entry.target.closest("article.story"));
      }
    }
  }, { rootMargin: "0px 0px 900px 0px" });

  for (const story of container.querySelectorAll("article.story")) {
    reading.observe(story);
  }
  watchEnd(lastStory());

  history.replaceState({ storyUrl: location.pathname }, "", location.href);
  window.addEventListener("popstate", (event) => {
    const url = event.state && event.state.storyUrl;
    const story = url && container.querySelector(`article.story[data-url="${CSS.escape(url)}"]`);
    if (story) {
      story.scrollIntoView();
      document.title = story.dataset.title;
    } else {
      location.reload();
    }
  });

  function lastStory() {
    const all = container.querySelectorAll("article.story");
    return all[all.length - 1];
  }

  function watchEnd(story) {
    if (!story || !story.dataset.nextFragment || loaded >= MAX_ARTICLES) return;
    const end = story.querySelector(".next-article") || story;
    nearing.observe(end);
  }

  async function loadAfter(story) {
    if (loading || !story || !story.dataset.nextFragment) return;
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
      if (!next || container.querySelector(`#${CSS.escape(next.id)}`)) return;
      const imported = document.importNode(next, true);
      imported.classList.add("story--incoming");
      // The loaded article follows directly: the previous one's link is now redundant.
      const link = story.querySelector(".next-article");
      if (link) link.hidden = true;
      status.before(imported);
      loaded += 1;
      reading.observe(imported);
      watchEnd(imported);
    } catch (error) {
      // The "Next article" link stays visible, so the reader can still go on.
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
      if (visited.has(url)) {
        history.replaceState({ storyUrl: url }, "", url);
      } else {
        visited.add(url);
        history.pushState({ storyUrl: url }, "", url);
      }
      document.title = story.dataset.title;
    }
  }
}
