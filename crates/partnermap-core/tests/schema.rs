//! docs/coalition.schema.json is generated from the model, so it cannot drift from what the
//! loader accepts. Refresh it with `UPDATE_GOLDEN=1 cargo test -p partnermap-core --test schema`.

use partnermap_core::model::Coalition;
use partnermap_testkit::assert_golden;
use std::path::Path;

#[test]
fn the_documented_json_schema_matches_the_model() {
    let schema = schemars::schema_for!(Coalition);
    let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/coalition.schema.json");
    assert_golden(path, &text);
}

#[test]
fn the_example_document_validates_against_its_schema_shape() {
    let example = partnermap_core::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/forest-city"),
    )
    .unwrap();
    let value = serde_json::to_value(&example.coalition).unwrap();
    let schema = serde_json::to_value(schemars::schema_for!(Coalition)).unwrap();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for key in required {
        assert!(
            value.get(key).is_some(),
            "the example lacks required key {key}"
        );
    }
    for key in value.as_object().unwrap().keys() {
        assert!(
            schema["properties"].get(key).is_some(),
            "{key} is not in the schema"
        );
    }
}
