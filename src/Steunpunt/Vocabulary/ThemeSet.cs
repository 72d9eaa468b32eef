using System.Collections;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Steunpunt.Vocabulary;

/// <summary>
/// The themes a contact, story or signal is about: well-formed theme codes (T01–T16), each once, in order. Empty is
/// "weet ik niet". Stored in one column as "T03,T07"; nothing outside this type reads or writes that form.
/// </summary>
public sealed class ThemeSet : IReadOnlyCollection<string>, IEquatable<ThemeSet>
{
    public static readonly ThemeSet None = new([]);

    private readonly string[] _codes;

    private ThemeSet(string[] codes) => _codes = codes;

    /// <summary>The well-formed codes among those given (for example posted by a form), once each, in order.</summary>
    public static ThemeSet Of(IEnumerable<string?> codes) =>
        new([.. codes.Where(Theme.IsCode).Select(c => c!).Distinct().Order(StringComparer.Ordinal)]);

    public static ThemeSet Of(params string?[] codes) => Of((IEnumerable<string?>)codes);

    public int Count => _codes.Length;

    public bool IsEmpty => _codes.Length == 0;

    public bool Contains(string code) => _codes.Contains(code, StringComparer.Ordinal);

    /// <summary>The names of the themes, in order ("–" style placeholder when there are none).</summary>
    public string Describe(IReadOnlyDictionary<string, string> names, string none) =>
        IsEmpty ? none : string.Join(", ", _codes.Select(c => names.GetValueOrDefault(c, c)));

    /// <summary>The stored form, "T03,T07".</summary>
    public override string ToString() => string.Join(',', _codes);

    public bool Equals(ThemeSet? other) => other is not null && _codes.AsSpan().SequenceEqual(other._codes);

    public override bool Equals(object? obj) => Equals(obj as ThemeSet);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_codes).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static ThemeSet Parse(string stored) => Of(stored.Split(','));

    /// <summary>How a theme set is kept in a column.</summary>
    public static readonly ValueConverter<ThemeSet, string> Stored = new(t => t.ToString(), s => Parse(s));
}
