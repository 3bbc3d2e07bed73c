//! Text with the search matches wrapped in `<mark>`, rendered as text (never as markup).

use leptos::prelude::*;

/// Splits `text` at the char ranges and marks the matched parts.
pub fn marked(text: &str, ranges: &[(usize, usize)]) -> impl IntoView {
    let chars: Vec<char> = text.chars().collect();
    let mut parts = Vec::new();
    let mut at = 0;
    for &(s, e) in ranges {
        let (s, e) = (s.min(chars.len()), e.min(chars.len()));
        if s > at {
            parts.push((false, chars[at..s].iter().collect::<String>()));
        }
        if e > s {
            parts.push((true, chars[s..e].iter().collect::<String>()));
        }
        at = at.max(e);
    }
    if at < chars.len() {
        parts.push((false, chars[at..].iter().collect::<String>()));
    }
    parts.into_iter().map(|(hit, part)| if hit { view! { <mark>{part}</mark> }.into_any() } else { part.into_any() }).collect_view()
}
