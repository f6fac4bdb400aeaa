//! IPTC Information Interchange Model records, as Photoshop stores them in a JPEG's APP13
//! segment (image resource block 0x0404).

/// The datasets of the IIM block, decoded to text, in file order.
#[derive(Debug, Default)]
pub struct Iim {
    datasets: Vec<(u8, u8, String)>,
}

impl Iim {
    /// The first value of record:dataset.
    pub fn get(&self, record: u8, dataset: u8) -> Option<String> {
        self.datasets
            .iter()
            .find(|(r, d, v)| *r == record && *d == dataset && !v.trim().is_empty())
            .map(|(_, _, v)| v.trim().to_owned())
    }

    /// Every value of a repeatable dataset (2:80 By-line, 2:25 Keywords).
    pub fn all(&self, record: u8, dataset: u8) -> Vec<String> {
        self.datasets
            .iter()
            .filter(|(r, d, v)| *r == record && *d == dataset && !v.trim().is_empty())
            .map(|(_, _, v)| v.trim().to_owned())
            .collect()
    }
}

const PHOTOSHOP_SIGNATURE: &[u8] = b"Photoshop 3.0\0";
const IPTC_RESOURCE: u16 = 0x0404;

/// Find the IIM block in an APP13 payload.
pub fn from_app13(payload: &[u8]) -> Option<Iim> {
    let mut rest = payload.strip_prefix(PHOTOSHOP_SIGNATURE)?;
    while rest.len() >= 12 && rest.starts_with(b"8BIM") {
        let id = u16::from_be_bytes([rest[4], rest[5]]);
        // Pascal-string name, padded so that length byte + name is even.
        let name_len = usize::from(rest[6]);
        let name_total = (1 + name_len + 1) & !1;
        let size_at = 6 + name_total;
        let size = u32::from_be_bytes(rest.get(size_at..size_at + 4)?.try_into().ok()?) as usize;
        let data_at = size_at + 4;
        let data = rest.get(data_at..data_at.checked_add(size)?)?;
        if id == IPTC_RESOURCE {
            return Some(parse(data));
        }
        let next = data_at + size + (size & 1);
        rest = rest.get(next..)?;
    }
    None
}

/// Parse IIM datasets. Text is UTF-8 when record 1:90 carries the ISO 2022 escape for
/// UTF-8 (`ESC % G`). Without it the standard says ISO 8859-1, but many tools write UTF-8
/// without the marker, so valid UTF-8 is taken as such and anything else as Latin-1.
pub fn parse(data: &[u8]) -> Iim {
    let mut raw: Vec<(u8, u8, &[u8])> = Vec::new();
    let mut i = 0;
    while i + 5 <= data.len() && data[i] == 0x1C {
        let record = data[i + 1];
        let dataset = data[i + 2];
        let mut len = usize::from(u16::from_be_bytes([data[i + 3], data[i + 4]]));
        let mut start = i + 5;
        if len & 0x8000 != 0 {
            // Extended dataset: the low bits give the byte count of the real length.
            let n = len & 0x7FFF;
            if n == 0 || n > 4 {
                break;
            }
            let Some(bytes) = data.get(start..start + n) else {
                break;
            };
            len = bytes
                .iter()
                .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
            start += n;
        }
        let Some(value) = start.checked_add(len).and_then(|end| data.get(start..end)) else {
            break;
        };
        raw.push((record, dataset, value));
        i = start + len;
    }
    let utf8_declared = raw
        .iter()
        .any(|(r, d, v)| *r == 1 && *d == 90 && v.windows(3).any(|w| w == b"\x1b%G"));
    let datasets = raw
        .into_iter()
        .filter(|(r, _, _)| *r == 2)
        .map(|(r, d, v)| (r, d, decode(v, utf8_declared)))
        .collect();
    Iim { datasets }
}

fn decode(v: &[u8], utf8_declared: bool) -> String {
    let v = v.strip_suffix(b"\0").unwrap_or(v);
    match std::str::from_utf8(v) {
        Ok(s) => s.to_owned(),
        Err(_) if utf8_declared => String::from_utf8_lossy(v).into_owned(),
        Err(_) => v.iter().map(|&b| char::from(b)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(record: u8, ds: u8, value: &[u8]) -> Vec<u8> {
        let mut out = vec![0x1C, record, ds];
        out.extend_from_slice(&(value.len() as u16).to_be_bytes());
        out.extend_from_slice(value);
        out
    }

    #[test]
    fn latin1_without_marker_and_repeated_bylines() {
        let mut data = dataset(2, 80, b"Ren\xe9 M\xfcller");
        data.extend(dataset(2, 80, b"Second"));
        data.extend(dataset(2, 120, b"Caption"));
        let iim = parse(&data);
        assert_eq!(iim.all(2, 80), ["René Müller", "Second"]);
        assert_eq!(iim.get(2, 120).as_deref(), Some("Caption"));
    }

    #[test]
    fn app13_resource_walk_finds_0404_after_other_resources() {
        let iim = dataset(2, 110, b"AFP");
        let mut app13 = PHOTOSHOP_SIGNATURE.to_vec();
        // Resource 0x03ED with a 3-byte body (padded) and an empty name.
        app13.extend_from_slice(b"8BIM\x03\xed\0\0\0\0\0\x03abc\0");
        app13.extend_from_slice(b"8BIM\x04\x04\0\0");
        app13.extend_from_slice(&(iim.len() as u32).to_be_bytes());
        app13.extend_from_slice(&iim);
        let parsed = from_app13(&app13).map(|i| i.get(2, 110));
        assert_eq!(parsed, Some(Some("AFP".to_owned())));
    }
}
