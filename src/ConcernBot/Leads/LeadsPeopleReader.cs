using Microsoft.Extensions.Options;

namespace ConcernBot.Leads;

/// <summary>Something wrong with how the leads are set up, found when the settings are read.</summary>
/// <param name="Key">The setting, e.g. <c>Leads:Designated:0</c>.</param>
/// <param name="Always">True when the host refuses to start in every environment; otherwise only in Production.</param>
public sealed record LeadsSettingProblem(string Key, string Message, bool Always);

/// <summary>
/// The one reader of the leads, deputies and escalation contacts in the settings (the root and each service). A person is
/// <c>{ "ObjectId": "...", "Name": "...", "UserId": "29:...", "Contact": "..." }</c>; <c>AadObjectId</c> is accepted as
/// another spelling of <c>ObjectId</c>, a bare name as a person without an id (which Production refuses), and any other key
/// stops the host: a setting is never silently dropped.
/// </summary>
internal sealed class LeadsPeopleReader(IConfiguration configuration) : IPostConfigureOptions<LeadsOptions>
{
    private static readonly string[] Known = ["ObjectId", "AadObjectId", "Name", "UserId", "Contact"];

    public IReadOnlyList<LeadsSettingProblem> Problems { get; private set; } = [];

    public void PostConfigure(string? name, LeadsOptions options)
    {
        var problems = new List<LeadsSettingProblem>();
        var root = configuration.GetSection(LeadsOptions.Section);
        Read(root, options, problems);
        foreach (var (id, service) in options.Services)
        {
            Read(root.GetSection("Services").GetSection(id), service, problems);
        }

        Problems = problems;
    }

    private static void Read(IConfigurationSection section, ServiceLeadsOptions into, List<LeadsSettingProblem> problems)
    {
        Replace(into.Designated, section.GetSection("Designated"), problems);
        Replace(into.Deputies, section.GetSection("Deputies"), problems);
        var contact = section.GetSection("EscalationContact");
        into.EscalationContact = contact.Exists() ? ReadPerson(contact, problems) : null;
    }

    private static void Replace(IList<LeadPerson> list, IConfigurationSection section, List<LeadsSettingProblem> problems)
    {
        list.Clear();
        foreach (var child in section.GetChildren())
        {
            if (ReadPerson(child, problems) is { } person)
            {
                list.Add(person);
            }
        }
    }

    private static LeadPerson? ReadPerson(IConfigurationSection section, List<LeadsSettingProblem> problems)
    {
        var key = section.Path;
        if (section.Value is { } bare && !section.GetChildren().Any())
        {
            if (string.IsNullOrWhiteSpace(bare))
            {
                return null;
            }

            problems.Add(new(key, $"{key} is a name only: add ObjectId, the person's Entra object id, or a concern about them cannot be kept from them.", Always: false));
            return new LeadPerson { Name = bare.Trim() };
        }

        foreach (var child in section.GetChildren().Where(c => !Known.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add(new(child.Path, $"{child.Path} is not a setting ConcernBot knows. Name a person with ObjectId (their Entra object id) and Name; UserId and Contact are optional.", Always: true));
        }

        var objectId = section["ObjectId"]?.Trim();
        var alias = section["AadObjectId"]?.Trim();
        if (!string.IsNullOrEmpty(objectId) && !string.IsNullOrEmpty(alias) && !string.Equals(objectId, alias, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new(key, $"{key} has two different object ids (ObjectId and AadObjectId): keep ObjectId only.", Always: true));
        }

        var person = new LeadPerson
        {
            ObjectId = string.IsNullOrEmpty(objectId) ? alias ?? "" : objectId,
            Name = section["Name"]?.Trim() ?? "",
            UserId = Blank(section["UserId"]),
            Contact = Blank(section["Contact"]),
        };
        if (person.Name.Length == 0 && !person.HasObjectId)
        {
            return null;
        }

        if (!person.HasObjectId)
        {
            problems.Add(new(key, $"{key} has no ObjectId: add the person's Entra object id, or a concern about them cannot be kept from them and they cannot act on a concern.", Always: false));
        }

        if (person.Name.Length == 0)
        {
            problems.Add(new(key, $"{key} has no Name: reporters choose a lead by name.", Always: false));
        }

        return person;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
