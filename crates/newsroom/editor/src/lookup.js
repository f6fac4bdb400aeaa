// What the embed previews show, from the Admin API with the staff session (GET needs no
// CSRF token): `GET /api/v1/admin/photos/{id}` and `GET /api/v1/admin/articles/{id}`.

const ENDPOINTS = {
  photo: (id) => `/api/v1/admin/photos/${encodeURIComponent(id)}`,
  related: (id) => `/api/v1/admin/articles/${encodeURIComponent(id)}`,
};

const SUMMARIES = {
  photo: (p) => ({
    thumbnail: p.thumbnail_url,
    alt: p.alt_text,
    caption: p.caption,
    credit: p.credit_line,
    publishable: p.publishable,
  }),
  related: (a) => ({ headline: a.headline, status: a.status, edition: a.edition }),
};

const cache = new Map();

/**
 * `{ missing: true }` when there is no such photo or article (the server will refuse to
 * save the body), a summary for the preview, or null when it could not be asked now.
 * Answers are kept for the page's life; failures are asked again next time.
 */
export const lookup = (kind, id) => {
  const key = `${kind}:${id}`;
  if (!cache.has(key)) {
    const answer = fetch(ENDPOINTS[kind](id), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(async (response) => {
        if (response.status === 404) return { missing: true };
        if (!response.ok) throw new Error(String(response.status));
        return SUMMARIES[kind](await response.json());
      })
      .catch(() => {
        cache.delete(key);
        return null;
      });
    cache.set(key, answer);
  }
  return cache.get(key);
};
