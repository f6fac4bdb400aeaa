//! How many files a list of URLs needs and which slice goes in which file. Pure, so the
//! protocol's limits (50,000 URLs and 50 MB a sitemap, 1,000 URLs a News sitemap) are
//! tested without a database.

/// The sitemap protocol's per-file limit on `<url>` (and on `<sitemap>` in an index).
pub const MAX_URLS: usize = 50_000;

/// The protocol's per-file limit on uncompressed bytes.
pub const MAX_BYTES: usize = 52_428_800;

/// Google News: at most 1,000 `<url>` per News sitemap.
pub const NEWS_MAX_URLS: usize = 1_000;

/// Files needed for `total` URLs at `per_file` each. No URLs, no file: a `urlset` must
/// hold at least one `url`.
pub fn file_count(total: usize, per_file: usize) -> usize {
    total.div_ceil(per_file.max(1))
}

/// The zero-based offset and the length of file `n` (1-based, as in the file names), or
/// `None` when there is no such file.
pub fn file_range(total: usize, per_file: usize, n: usize) -> Option<(usize, usize)> {
    let per_file = per_file.max(1);
    if n == 0 || n > file_count(total, per_file) {
        return None;
    }
    let start = (n - 1) * per_file;
    Some((start, per_file.min(total - start)))
}

/// `items` cut into files of at most `per_file`.
pub fn split<T>(items: &[T], per_file: usize) -> Vec<&[T]> {
    items.chunks(per_file.max(1)).collect()
}

/// URLs per article sitemap for a site of `editions` editions. An entry carries an
/// `xhtml:link` for each translation plus `x-default`; sized so that even if every
/// article had every translation, with long (300-byte) URLs, a file stays under
/// [`MAX_BYTES`].
pub fn article_urls_per_file(editions: usize) -> usize {
    const ENTRY: usize = 400; // <url><loc>…</loc><lastmod>…</lastmod></url>
    const ALTERNATE: usize = 400; // <xhtml:link rel hreflang href/>
    let alternates = if editions > 1 { editions + 1 } else { 0 };
    let worst = ENTRY + alternates * ALTERNATE;
    (MAX_BYTES / worst).clamp(1_000, MAX_URLS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifty_thousand_and_one_urls_need_two_files() {
        assert_eq!(file_count(50_001, MAX_URLS), 2);
        assert_eq!(file_range(50_001, MAX_URLS, 1), Some((0, 50_000)));
        assert_eq!(file_range(50_001, MAX_URLS, 2), Some((50_000, 1)));
        assert_eq!(file_range(50_001, MAX_URLS, 3), None);
        assert_eq!(file_range(50_001, MAX_URLS, 0), None);
        assert_eq!(file_count(50_000, MAX_URLS), 1);
        assert_eq!(file_count(0, MAX_URLS), 0);
    }

    #[test]
    fn news_splits_above_a_thousand() {
        let items: Vec<u32> = (0..1_001).collect();
        let files = split(&items, NEWS_MAX_URLS);
        assert_eq!(files.len(), 2);
        assert_eq!((files[0].len(), files[1].len()), (1_000, 1));
    }

    #[test]
    fn files_shrink_when_translations_could_grow_entries() {
        assert_eq!(article_urls_per_file(1), MAX_URLS);
        let n = article_urls_per_file(6);
        assert!(n < MAX_URLS && n * (400 + 7 * 400) <= MAX_BYTES);
    }
}
