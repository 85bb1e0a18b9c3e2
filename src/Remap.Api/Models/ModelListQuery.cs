using System.Buffers.Text;
using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Remap.Api.Models;

/// <summary>The filters and the page of GET /api/v1/models.</summary>
/// <param name="ArchitectureHash">Only models with this architecture hash.</param>
/// <param name="Dataset">Only models trained on this dataset.</param>
/// <param name="Limit">The most models in one page, 1 to 1000; default 100.</param>
/// <param name="Cursor">Where the page starts: the X-Next-Cursor header of the previous page, unchanged; the first page when left out.</param>
public sealed record ModelListQuery(
    [property: FromQuery(Name = "architectureHash")] string? ArchitectureHash = null,
    [property: FromQuery(Name = "dataset")] string? Dataset = null,
    [property: FromQuery(Name = "limit")] int? Limit = null,
    [property: FromQuery(Name = "cursor")] string? Cursor = null)
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;
}

/// <summary>Checks the page size and the cursor of a model listing.</summary>
public sealed class ModelListQueryValidator : AbstractValidator<ModelListQuery>
{
    public ModelListQueryValidator()
    {
        RuleFor(query => query.Limit).InclusiveBetween(1, ModelListQuery.MaxLimit);
        RuleFor(query => query.Cursor)
            .Must(cursor => cursor is null || ModelCursor.TryParse(cursor, out _))
            .WithMessage(query => $"'cursor' is '{query.Cursor}', which is not a cursor this server returned: " +
                "pass the X-Next-Cursor header of the previous page unchanged, or leave 'cursor' out for the first page.");
    }
}

/// <summary>
/// The position of the last model of a page in the listing order: validation accuracy descending, untrained
/// models (no accuracy) last, then id. Sent to clients as an opaque base64url string.
/// </summary>
public readonly record struct ModelCursor(double? ValidationAccuracy, long Id)
{
    private const string Version = "v1";

    public override string ToString()
    {
        var accuracy = ValidationAccuracy?.ToString("R", CultureInfo.InvariantCulture) ?? "none";
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}:{accuracy}:{Id.ToString(CultureInfo.InvariantCulture)}"));
    }

    public static bool TryParse(string text, out ModelCursor cursor)
    {
        cursor = default;
        if (text.Length > 200 || !Base64Url.IsValid(text))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
        if (parts is not [Version, var accuracyText, var idText]
            || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        if (accuracyText == "none")
        {
            cursor = new ModelCursor(null, id);
            return true;
        }

        if (!double.TryParse(accuracyText, NumberStyles.Float, CultureInfo.InvariantCulture, out var accuracy) || !double.IsFinite(accuracy))
        {
            return false;
        }

        cursor = new ModelCursor(accuracy, id);
        return true;
    }
}
