using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Signals;

public static class SignalsData
{
    extension(SteunpuntDb db)
    {
        public DbSet<Signal> Signals => db.Set<Signal>();
        public DbSet<SignalLink> SignalLinks => db.Set<SignalLink>();
        public DbSet<BoardAnswer> BoardAnswers => db.Set<BoardAnswer>();
    }
}
