using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Search;

namespace Steunpunt.Information;

public static class InformationData
{
    extension(SteunpuntDb db)
    {
        public DbSet<FaqItem> FaqItems => db.Set<FaqItem>();
        public DbSet<GlossaryTerm> GlossaryTerms => db.Set<GlossaryTerm>();
        public DbSet<RegionalPage> RegionalPages => db.Set<RegionalPage>();
        public DbSet<Articles.ArticleFeedback> ArticleFeedback => db.Set<Articles.ArticleFeedback>();
        public DbSet<Organisation> Organisations => db.Set<Organisation>();
        public DbSet<OpeningHours> OpeningHours => db.Set<OpeningHours>();
        public DbSet<ContentChange> ContentChanges => db.Set<ContentChange>();
        public DbSet<UnansweredSearch> UnansweredSearches => db.Set<UnansweredSearch>();
        public DbSet<SearchSynonym> SearchSynonyms => db.Set<SearchSynonym>();
    }
}
