using System.Text.Json;

namespace Remap.LanguageServer.Protocol;

public sealed record ConfigurationItem(string? ScopeUri, string Section);

public sealed record ConfigurationParams(ConfigurationItem[] Items);

/// <summary>VS Code sends <c>{ "settings": null }</c> or empty settings, so the server reads the configuration again.</summary>
public sealed record DidChangeConfigurationParams(JsonElement? Settings);

public sealed record Registration(string Id, string Method, object? RegisterOptions);

public sealed record RegistrationParams(Registration[] Registrations);

public sealed record DidChangeConfigurationRegistrationOptions(string Section);

/// <summary><c>window/showMessage</c>; <see cref="Type"/> is LSP's MessageType: 1 error, 2 warning, 3 info, 4 log.</summary>
public sealed record ShowMessageParams(int Type, string Message);
