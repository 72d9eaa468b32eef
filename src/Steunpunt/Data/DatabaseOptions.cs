using System.ComponentModel.DataAnnotations;

namespace Steunpunt.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded default) or Postgres (scale-out).</summary>
    [RegularExpression("^(Sqlite|Postgres)$")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Apply migrations when the app starts. On for the embedded install; a scaled-out
    /// PostgreSQL deployment may run a migrations bundle instead.</summary>
    public bool MigrateOnStart { get; set; } = true;
}

/// <summary>How the app starts (<see cref="StartupRunner"/>).</summary>
public sealed class StartupOptions
{
    public const string Section = "Startup";

    /// <summary>From the moment pages are served, the steps that may run meanwhile (building the search index,
    /// seconds of work at national scale) wait this long, so the first pages after a restart get the processor first.
    /// Zero starts them at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PauseBeforeWhileServing { get; set; } = TimeSpan.FromSeconds(2);
}
