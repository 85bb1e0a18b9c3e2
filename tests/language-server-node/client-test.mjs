// Spawns the built Remap language server over stdio and drives it with vscode-languageserver-protocol,
// the client library VS Code itself uses, so the wire format is checked by code this project did not write.
// Usage: node client-test.mjs PATH/TO/remap-language-server.dll
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from "vscode-jsonrpc/node.js";
import {
  CodeLensRequest,
  CompletionRequest,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  InlayHintRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
} from "vscode-languageserver-protocol";

const serverPath = process.argv[2];
if (!serverPath) {
  console.error("usage: node client-test.mjs PATH/TO/remap-language-server.dll");
  process.exit(2);
}

const server = spawn("dotnet", [serverPath], { stdio: ["pipe", "pipe", "pipe"] });
let serverErrors = "";
server.stderr.on("data", (chunk) => (serverErrors += chunk));
const exited = new Promise((resolve) => server.on("exit", (code) => resolve(code)));

const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const pushed = [];
connection.onNotification(PublishDiagnosticsNotification.type, (parameters) => pushed.push(parameters));
connection.onRequest(ConfigurationRequest.type, (parameters) => parameters.items.map(() => null));
connection.listen();

const uri = "file:///tmp/node-client/cnn.remap";
const text = "# é 中 😀\nmodel cnn\ninput 1x28x28\nclasses 10\nconv2d filters=8 \nmaxpool2d\nflatten\ndense units=10\n";

async function run() {
  const initialize = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    clientInfo: { name: "node-client-test" },
    capabilities: {
      workspace: { configuration: true },
      textDocument: { diagnostic: { dynamicRegistration: false }, completion: { completionItem: { snippetSupport: true } } },
    },
  });
  assert.equal(initialize.capabilities.textDocumentSync.change, 2, "incremental sync");
  assert.equal(initialize.serverInfo.name, "remap-language-server");
  await connection.sendNotification(InitializedNotification.type, {});

  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "remap", version: 1, text } });
  let report = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  assert.equal(report.kind, "full");
  assert.deepEqual(report.items, [], "a valid file has no diagnostics");

  // Line 7 is "dense units=10": make it 11 units, which no longer matches the 10 classes.
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 7, character: 12 }, end: { line: 7, character: 14 } }, text: "11" }],
  });
  report = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  assert.deepEqual(report.items.map((item) => item.code), ["RM1008"]);
  assert.deepEqual(report.items[0].range.start, { line: 7, character: 0 });

  // Completion after "conv2d filters=8 " returns the parameters not yet given.
  const completion = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 4, character: 17 } });
  const labels = completion.items.map((item) => item.label);
  assert.deepEqual(labels, ["kernel", "stride", "padding"]);

  const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 1 } });
  assert.match(hover.contents.value, /^1×28×28 → 8×26×26 · 80 parameters/);

  const hints = await connection.sendRequest(InlayHintRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
  });
  assert.equal(hints[0].label, "→ 8×26×26 · 80 params");

  const lenses = await connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  assert.deepEqual(lenses.map((lens) => lens.command.command), ["remap.train", "remap.ablate", "remap.vary", "remap.openOverview"]);
  assert.deepEqual(lenses[0].command.arguments, [{ uri, model: "cnn" }]);

  assert.deepEqual(pushed, [], "a client that pulls diagnostics never gets them pushed");

  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  const code = await exited;
  assert.equal(code, 0, "exit code after shutdown and exit");
}

const timeout = setTimeout(() => {
  console.error("the language server did not answer within 60 s");
  server.kill();
  process.exit(1);
}, 60_000);

try {
  await run();
  console.log("node client test passed");
  clearTimeout(timeout);
  connection.dispose();
} catch (error) {
  console.error(error);
  console.error("server standard error:\n" + serverErrors);
  server.kill();
  process.exit(1);
}
