// LSP's Range, not System.Range, wherever the server names a range.
global using Range = Remap.LanguageServer.Protocol.Range;
