using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Questions;

public static class QuestionsData
{
    extension(SteunpuntDb db)
    {
        public DbSet<SupportCase> Cases => db.Set<SupportCase>();
        public DbSet<CaseMessage> CaseMessages => db.Set<CaseMessage>();
        public DbSet<CaseNote> CaseNotes => db.Set<CaseNote>();
        public DbSet<ReplyTemplate> ReplyTemplates => db.Set<ReplyTemplate>();
    }
}
