//! Reading top-level properties out of an XMP packet (RDF/XML).
//!
//! Only the properties directly under an `rdf:Description` are collected, by namespace URI
//! and local name, so `Iptc4xmpExt:LocationCreated/City` is never taken for
//! `photoshop:City`, whatever prefixes the writing tool chose.

use std::collections::HashMap;

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

pub const NS_RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const NS_DC: &str = "http://purl.org/dc/elements/1.1/";
pub const NS_PHOTOSHOP: &str = "http://ns.adobe.com/photoshop/1.0/";
pub const NS_IPTC_CORE: &str = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";
pub const NS_XMP_RIGHTS: &str = "http://ns.adobe.com/xap/1.0/rights/";
const NS_XML: &str = "http://www.w3.org/XML/1998/namespace";

#[derive(Debug, Clone, PartialEq, Eq)]
struct Value {
    lang: Option<String>,
    text: String,
}

/// The simple, alt-text and array properties of one packet.
#[derive(Debug, Default)]
pub struct Xmp {
    props: HashMap<(String, String), Vec<Value>>,
}

impl Xmp {
    /// A single text value: the `x-default` alternative of a language alternative,
    /// otherwise the first value.
    pub fn text(&self, ns: &str, name: &str) -> Option<String> {
        let values = self.props.get(&(ns.to_owned(), name.to_owned()))?;
        values
            .iter()
            .find(|v| v.lang.as_deref() == Some("x-default"))
            .or_else(|| values.first())
            .map(|v| v.text.clone())
    }

    /// Every value of an array property (`rdf:Seq` / `rdf:Bag`) in order.
    pub fn list(&self, ns: &str, name: &str) -> Vec<String> {
        self.props
            .get(&(ns.to_owned(), name.to_owned()))
            .map(|vs| vs.iter().map(|v| v.text.clone()).collect())
            .unwrap_or_default()
    }

    fn push(&mut self, ns: String, name: String, lang: Option<String>, text: String) {
        let text = text.trim();
        if !text.is_empty() {
            self.props.entry((ns, name)).or_default().push(Value {
                lang,
                text: text.to_owned(),
            });
        }
    }
}

#[derive(Debug)]
struct Open {
    ns: String,
    local: String,
    lang: Option<String>,
}

impl Open {
    fn is_rdf(&self) -> bool {
        self.ns == NS_RDF
    }
}

/// Parse a packet. Malformed XML ends parsing; what was read up to there is kept, because
/// a half-readable packet still holds a usable credit more often than not.
pub fn parse(packet: &str) -> Xmp {
    let mut reader = NsReader::from_str(packet);
    let mut out = Xmp::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut text = String::new();
    loop {
        let (resolved, event) = match reader.read_resolved_event() {
            Ok(ev) => ev,
            Err(e) => {
                tracing::debug!(error = %e, "stopping at malformed XMP");
                break;
            }
        };
        let ns = match resolved {
            ResolveResult::Bound(ns) => String::from_utf8_lossy(ns.as_ref()).into_owned(),
            _ => String::new(),
        };
        match event {
            Event::Start(e) => {
                text.clear();
                let open = open_element(&reader, ns, &e, &stack);
                if is_top_description(&open, &stack) {
                    read_attribute_properties(&reader, &e, &mut out);
                }
                stack.push(open);
            }
            Event::Empty(e) => {
                let open = open_element(&reader, ns, &e, &stack);
                if is_top_description(&open, &stack) {
                    read_attribute_properties(&reader, &e, &mut out);
                }
            }
            Event::Text(t) => {
                if let Ok(s) = t.xml_content() {
                    text.push_str(&s);
                }
            }
            Event::CData(t) => {
                if let Ok(s) = t.decode() {
                    text.push_str(&s);
                }
            }
            Event::GeneralRef(r) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text.push(c);
                } else if let Ok(name) = r.decode() {
                    text.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::End(_) => {
                if let Some(prop) = top_property(&stack) {
                    let lang = stack.last().and_then(|o| o.lang.clone());
                    out.push(
                        prop.ns.clone(),
                        prop.local.clone(),
                        lang,
                        std::mem::take(&mut text),
                    );
                }
                text.clear();
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn open_element<R>(reader: &NsReader<R>, ns: String, e: &BytesStart, stack: &[Open]) -> Open {
    let local = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    let own_lang = e.attributes().flatten().find_map(|a| {
        let (ans, alocal) = reader.resolve_attribute(a.key);
        let is_lang = matches!(ans, ResolveResult::Bound(n) if n.as_ref() == NS_XML.as_bytes())
            && alocal.as_ref() == b"lang";
        is_lang.then(|| String::from_utf8_lossy(&a.value).into_owned())
    });
    // xml:lang is inherited by child elements.
    let lang = own_lang.or_else(|| stack.last().and_then(|o| o.lang.clone()));
    Open { ns, local, lang }
}

/// An `rdf:Description` that is not inside any property: its attributes are properties.
fn is_top_description(open: &Open, stack: &[Open]) -> bool {
    open.is_rdf()
        && open.local == "Description"
        && stack
            .iter()
            .filter(|o| !o.is_rdf())
            .all(|o| o.local == "xmpmeta" || o.local == "xapmeta")
}

/// The top-level property enclosing the current position, if the position is the value of
/// one (not inside a struct field of it).
fn top_property(stack: &[Open]) -> Option<&Open> {
    let mut props = stack
        .iter()
        .filter(|o| !o.is_rdf() && o.local != "xmpmeta" && o.local != "xapmeta");
    let first = props.next()?;
    props.next().is_none().then_some(first)
}

fn read_attribute_properties<R>(reader: &NsReader<R>, e: &BytesStart, out: &mut Xmp) {
    for attr in e.attributes().flatten() {
        let (ans, local) = reader.resolve_attribute(attr.key);
        let ResolveResult::Bound(ns) = ans else {
            continue;
        };
        let ns = String::from_utf8_lossy(ns.as_ref()).into_owned();
        if ns == NS_RDF || ns == NS_XML {
            continue;
        }
        if let Ok(value) = attr.unescape_value() {
            let local = String::from_utf8_lossy(local.as_ref()).into_owned();
            out.push(ns, local, None, value.into_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_alt_seq_simple_and_attribute_forms_by_namespace() {
        let packet = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
 <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:ps="http://ns.adobe.com/photoshop/1.0/"
    xmlns:ext="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" ps:Credit="AFP &amp; Co">
  <dc:description><rdf:Alt><rdf:li xml:lang="fr">Une manif</rdf:li><rdf:li xml:lang="x-default">A march</rdf:li></rdf:Alt></dc:description>
  <dc:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li><rdf:li>John Roe</rdf:li></rdf:Seq></dc:creator>
  <ps:City>Vienna</ps:City>
  <ext:LocationCreated><rdf:Bag><rdf:li rdf:parseType="Resource"><ext:City>Secret</ext:City></rdf:li></rdf:Bag></ext:LocationCreated>
 </rdf:Description></rdf:RDF></x:xmpmeta>"#;
        let xmp = parse(packet);
        assert_eq!(xmp.text(NS_DC, "description").as_deref(), Some("A march"));
        assert_eq!(xmp.list(NS_DC, "creator"), ["Jane Doe", "John Roe"]);
        assert_eq!(
            xmp.text(NS_PHOTOSHOP, "Credit").as_deref(),
            Some("AFP & Co")
        );
        assert_eq!(xmp.text(NS_PHOTOSHOP, "City").as_deref(), Some("Vienna"));
        assert_eq!(
            xmp.text(
                "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
                "LocationCreated"
            ),
            None
        );
    }
}
