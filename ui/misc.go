package ui

import "redress/lang"

func langError(key string, kv ...string) error { return lang.E(key, kv...) }
