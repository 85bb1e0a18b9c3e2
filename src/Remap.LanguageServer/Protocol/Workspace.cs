using System.Text.Json;

namespace Remap.LanguageServer.Protocol;

public sealed record ConfigurationItem(string? ScopeUri, string Section);

public sealed record ConfigurationParams(ConfigurationItem[] Items);

/// <summary>VS Code sends <c>{ "settings": null }</c> or empty settings, so the server reads the configuration again.</summary>
public sealed record DidChangeConfigurationParams(JsonElement? Settings);

public sealed record Registration(string Id, string Method, object? RegisterOptions);

public sealed record RegistrationParams(Registration[] Registrations);

public sealed record DidChangeConfigurationRegistrationOptions(string Section);
