namespace Steunpunt.Stories;

/// <summary>How staff read what a teller chose: in words, never as the stored value.</summary>
public static class StoryLabels
{
    public static string Teller(Teller teller) => teller switch
    {
        Stories.Teller.Ouder => "Ouder/verzorger",
        Stories.Teller.Jongere => "Jongere",
        _ => "Professional",
    };

    public static string FeltHeard(FeltHeard heard) => heard switch
    {
        Stories.FeltHeard.Ja => "ja",
        Stories.FeltHeard.Deels => "een beetje",
        Stories.FeltHeard.Nee => "nee",
        _ => "weet niet",
    };
}
