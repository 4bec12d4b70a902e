package store

// The schema fixtures in testdata (see internal/mkfixture) are made once
// per data format, by the version that introduced it.
//go:generate go run ./internal/mkfixture -dir testdata
