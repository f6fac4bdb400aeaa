//! How article sitemaps are cut, and the protocol's limits (50,000 URLs and 50 MB a
//! sitemap, 1,000 URLs a News sitemap). Pure, so the arithmetic is tested without a
//! database.

/// The sitemap protocol's per-file limit on `<url>` (and on `<sitemap>` in an index).
pub const MAX_URLS: usize = 50_000;

/// The protocol's per-file limit on uncompressed bytes.
pub const MAX_BYTES: usize = 52_428_800;

/// Google News: at most 1,000 `<url>` per News sitemap.
pub const NEWS_MAX_URLS: usize = 1_000;

/// Article ids per article sitemap file: file `k` of an edition lists the edition's
/// published articles with an id in `[k * B, (k + 1) * B)`.
///
/// Ids rather than dates: an id never changes (a date does when an article is unpublished
/// and published again), a block of ids holds at most `B` articles however busy a day or a
/// month was (a date range has no such bound), and a new article takes the next id, so it
/// lands in the newest file and leaves every other file as it was.
///
/// Why 10,000: a file must stay under 50,000 URLs and 50 MB whatever the articles are. An
/// entry is about 300 bytes (a long slug, the `lastmod`) plus about 300 per hreflang
/// alternate, so 10,000 entries stay under 50 MB with up to 15 translations each; and the
/// page cache keeps a file only under 8 MiB, which 10,000 untranslated entries are far
/// below. The number is part of every file name, so it must never change: changing it
/// renames every file.
pub const ARTICLE_ID_BLOCK: i64 = 10_000;

/// The ids `[from, to)` of article block `k`, or `None` past the largest id.
pub fn block_range(k: i64) -> Option<(i64, i64)> {
    let from = k.checked_mul(ARTICLE_ID_BLOCK)?;
    let to = from.checked_add(ARTICLE_ID_BLOCK)?;
    (k >= 0).then_some((from, to))
}

/// News sitemap files needed for `total` URLs. No URLs, no file: a `urlset` must hold at
/// least one `url`.
pub fn news_file_count(total: usize) -> usize {
    total.div_ceil(NEWS_MAX_URLS)
}

/// `items` cut into files of at most `per_file`.
pub fn split<T>(items: &[T], per_file: usize) -> Vec<&[T]> {
    items.chunks(per_file.max(1)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_tile_the_ids_without_gap_or_overlap() {
        assert_eq!(block_range(0), Some((0, ARTICLE_ID_BLOCK)));
        assert_eq!(
            block_range(12),
            Some((12 * ARTICLE_ID_BLOCK, 13 * ARTICLE_ID_BLOCK))
        );
        assert_eq!(block_range(-1), None);
        assert_eq!(block_range(i64::MAX), None);
        let id = 123_456;
        let k = id / ARTICLE_ID_BLOCK;
        let (from, to) = block_range(k).unwrap_or_default();
        assert!(from <= id && id < to);
    }

    #[test]
    fn a_block_fits_the_protocol_limits() {
        const ENTRY: usize = 300; // <url><loc>…</loc><lastmod>…</lastmod></url>
        const ALTERNATE: usize = 300; // <xhtml:link rel hreflang href/>
        let block = usize::try_from(ARTICLE_ID_BLOCK).unwrap_or(usize::MAX);
        assert!(block <= MAX_URLS);
        assert!(block * (ENTRY + 16 * ALTERNATE) <= MAX_BYTES);
    }

    #[test]
    fn news_splits_above_a_thousand() {
        let items: Vec<u32> = (0..1_001).collect();
        let files = split(&items, NEWS_MAX_URLS);
        assert_eq!(files.len(), 2);
        assert_eq!((files[0].len(), files[1].len()), (1_000, 1));
        assert_eq!(news_file_count(1_001), 2);
        assert_eq!(news_file_count(1_000), 1);
        assert_eq!(news_file_count(0), 0);
    }
}
