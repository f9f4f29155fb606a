//! Whatever the bytes in the input files, loading returns a coalition or diagnostics; it never
//! panics.

use proptest::prelude::*;

fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        "[a-z,;\"\n\r\u{feff}é0-9 -]{0,200}".prop_map(String::into_bytes),
        "(id,name,type,status,populations\n|source,target,kind,strength\n)[a-zA-Z0-9,;\"\n -]{0,120}"
            .prop_map(String::into_bytes),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_files_never_panic(toml in "[a-z =\\[\\]\"\n,.{}]{0,120}", orgs in csv_like(), ties in csv_like()) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("coalition.toml"), toml).unwrap();
        std::fs::write(dir.path().join("organizations.csv"), &orgs).unwrap();
        std::fs::write(dir.path().join("partnerships.csv"), &ties).unwrap();
        let _ = partnermap_core::load(dir.path());
        let edges = dir.path().join("edges.csv");
        std::fs::write(&edges, [b"source,target\n".as_slice(), &ties].concat()).unwrap();
        let _ = partnermap_core::load(&edges);
        let json = dir.path().join("doc.json");
        std::fs::write(&json, &orgs).unwrap();
        let _ = partnermap_core::load(&json);
    }
}
