namespace Steunpunt.Vocabulary;

/// <summary>Who a text speaks to: parents (u) or youth (je).</summary>
public enum Audience
{
    Ouders = 0,
    Jongeren = 1,
}
