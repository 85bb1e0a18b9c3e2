// The overview webview's entry point.
