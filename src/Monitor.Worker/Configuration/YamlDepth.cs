using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Monitor.Worker.Configuration;

/// <summary>
/// Checks how deep a YAML document nests before the representation model reads it: YamlDotNet builds nodes
/// recursively and a file of 100,000 nested brackets overflows the stack, which ends the process. The event parser
/// used here is iterative.
/// </summary>
public static class YamlDepth
{
    /// <summary>Deeper than any configuration file needs (sources.yaml uses 4 levels, taxonomy.yaml 6).</summary>
    public const int MaxDepth = 64;

    /// <summary>Null when <paramref name="yaml"/> nests at most <see cref="MaxDepth"/> levels (or is not valid YAML: the
    /// loader reports that with its position), else the problem.</summary>
    public static string? Check(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        return $"nested deeper than {MaxDepth} levels (line {parser.Current.Start.Line}): not a configuration file";
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException)
        {
            return null;
        }

        return null;
    }
}
