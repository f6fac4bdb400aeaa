// Small enhancements shared by every page. The page works without them.

// Remember the edition a reader picks, so `/` sends them back to it next time.
for (const link of document.querySelectorAll(".editions a[hreflang]")) {
  link.addEventListener("click", () => {
    const code = link.getAttribute("hreflang");
    if (code && /^[A-Za-z0-9-]{2,12}$/.test(code)) {
      document.cookie = `nd_edition=${code}; path=/; max-age=31536000; SameSite=Lax`;
    }
  });
}
