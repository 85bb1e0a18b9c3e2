using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Remap.Cli.Commands;

/// <summary>
/// Range checks for whole-number options, with the server's own limits, so a value out of range is named before the command
/// contacts the server and fails with the parser's exit code.
/// </summary>
internal static class OptionRanges
{
    public static void Require(Option option, long minimum, long maximum) =>
        option.Validators.Add(result => Check(result, option.Name, minimum, maximum));

    private static void Check(OptionResult result, string name, long minimum, long maximum)
    {
        // A value that is not a whole number already has System.CommandLine's own error; only range errors are added here.
        if (result.Tokens.Count == 1 && long.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) &&
            (value < minimum || value > maximum))
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture,
                $"{name} is {value}, outside the accepted range: give a whole number from {minimum:N0} to {maximum:N0}."));
        }
    }
}
