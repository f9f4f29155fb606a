use super::*;

#[test]
fn a_split_keeps_known_values_that_hold_the_separator() {
    let known = |w: &str| w == "Media (TV, radio, newspapers)";
    assert_eq!(
        split(
            "Mailings, Media (TV, radio, newspapers), Phone banking,",
            ",",
            known
        ),
        ["Mailings", "Media (TV, radio, newspapers)", "Phone banking"]
    );
    assert_eq!(split("a, b", ",", |_| false), ["a", "b"]);
    assert_eq!(
        split("x, Media (TV, radio), y (z", ",", |_| false),
        ["x", "Media (TV, radio)", "y (z"]
    );
    assert_eq!(split("", ";", |_| true), Vec::<String>::new());
}
