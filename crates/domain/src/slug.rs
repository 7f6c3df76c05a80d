//! Readable URL slugs from Dutch titles: accents folded, lower case, dashes.

/// Turns a title into a slug: `"Wervingscampagne mislukt: één les"` becomes
/// `"wervingscampagne-mislukt-een-les"`. Never empty.
pub fn slugify(title: &str) -> String {
    slug_of(title).unwrap_or_else(|| "verhaal".into())
}

/// The slug of a text, or None when it has no letters or digits.
pub fn slug_of(title: &str) -> Option<String> {
    let mut out = String::with_capacity(title.len());
    let mut dash = false;
    for c in title.chars().flat_map(fold) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
        if out.len() >= 80 {
            break;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Folds the accented letters used in Dutch (and its neighbours) to ASCII.
fn fold(c: char) -> impl Iterator<Item = char> {
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => "a",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ç' | 'Ç' => "c",
        'ñ' | 'Ñ' => "n",
        'ĳ' | 'Ĳ' => "ij",
        'ß' => "ss",
        _ => "",
    };
    let single = if folded.is_empty() { Some(c) } else { None };
    folded.chars().chain(single)
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs_are_ascii_lowercase_and_dashed() {
        assert_eq!(
            slugify("Wervingscampagne mislukt: één les!"),
            "wervingscampagne-mislukt-een-les"
        );
        assert_eq!(slugify("  --Zorg & Welzijn-- "), "zorg-welzijn");
        assert_eq!(slugify("???"), "verhaal");
        assert!(slugify(&"lang ".repeat(50)).len() <= 84);
    }
}
