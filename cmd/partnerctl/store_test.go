package main

import "github.com/partnerdesk/partnerdesk/model/store"

func openForTest(path string) (*store.Store, error) { return store.Open(path, store.Options{}) }
