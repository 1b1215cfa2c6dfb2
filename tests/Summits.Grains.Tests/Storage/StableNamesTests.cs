using System.Reflection;
using Summits.Model;

namespace Summits.Grains.Tests;

/// <summary>
/// Every type that is stored or sent names itself: a stable alias, and an explicit id for each member, so
/// that renaming, moving or reordering code never changes what storage holds or the wire carries.
/// </summary>
public sealed class StableNamesTests
{
    /// <summary>The model, the grain contracts and the grains: every assembly whose types are stored or sent.</summary>
    private static readonly Assembly[] Assemblies = [typeof(World).Assembly, typeof(IWorldGrain).Assembly, typeof(WorldGrain).Assembly];

    private static IEnumerable<Type> Serialized() =>
        Assemblies.SelectMany(a => a.GetTypes()).Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null);

    [Fact]
    public void Every_serialized_type_and_grain_interface_has_an_alias_of_its_own()
    {
        var named = Serialized()
            .Concat(Assemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t)))
            .Concat(Assemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsEnum && t.IsPublic))
            .ToArray();

        Assert.Empty(named.Where(t => Alias(t) is null).Select(t => t.FullName));
        var aliases = named.Select(t => Alias(t)!).ToArray();
        Assert.Equal(aliases.Length, aliases.Distinct(StringComparer.Ordinal).Count());
    }

    private static string? Alias(Type type) => type.GetCustomAttributes<AliasAttribute>(inherit: false).SingleOrDefault()?.Alias;

    [Fact]
    public void Every_positional_member_of_a_serialized_record_has_an_explicit_id()
    {
        var implicitIds =
            from type in Serialized()
            from constructor in type.GetConstructors()
            let parameters = constructor.GetParameters()
            where parameters.Length > 0 && type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null
                  && parameters.All(p => type.GetProperty(p.Name!) is not null)
            from parameter in parameters
            where parameter.GetCustomAttribute<IdAttribute>() is null
            select $"{type.Name}.{parameter.Name}";

        Assert.Empty(implicitIds);
    }

    [Fact]
    public void Every_settable_property_and_field_of_a_serialized_type_has_an_explicit_id_or_is_marked_not_serialized()
    {
        // A member that can hold state (a property with a setter or init, an instance field) but has no [Id] is
        // silently left out of storage: memory and storage would drift apart. Properties made from a record's
        // parameters carry their ids on the parameters (checked above).
        const BindingFlags declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var unnamed = new List<string>();
        foreach (var type in Serialized())
        {
            var positional = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).SelectMany(c => c.GetParameters())
                .Where(p => p.GetCustomAttribute<IdAttribute>() is not null).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var property in type.GetProperties(declared))
            {
                if (property.SetMethod is null || positional.Contains(property.Name) || property.Name == "EqualityContract")
                    continue;
                if (property.GetCustomAttribute<IdAttribute>() is null && property.GetCustomAttribute<NonSerializedAttribute>() is null)
                    unnamed.Add($"{type.Name}.{property.Name}");
            }
            foreach (var field in type.GetFields(declared))
            {
                // Constants hold no state; an auto-property's backing field is checked through its property.
                if (field.IsLiteral || field.Name.Contains("k__BackingField", StringComparison.Ordinal))
                    continue;
                if (field.GetCustomAttribute<IdAttribute>() is null && field.GetCustomAttribute<NonSerializedAttribute>() is null)
                    unnamed.Add($"{type.Name}.{field.Name}");
            }
        }

        Assert.Empty(unnamed);
    }

    [Fact]
    public void Every_public_enum_gives_each_member_its_value_in_the_source()
    {
        // Reordering members of an enum with implicit values changes what storage and the wire hold for them. The
        // compiled enum cannot tell an explicit value from an implicit one, so its declaration is read: every
        // member line must say "= N".
        var sources = Directory.EnumerateFiles(Path.Combine(Summits.Tests.SeedFiles.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToArray();
        var implicitValues = new List<string>();
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsEnum && t.IsPublic))
        {
            var declaration = sources.Select(text => System.Text.RegularExpressions.Regex.Match(text, $@"\benum\s+{type.Name}\b[^{{]*\{{(?<body>[^}}]*)\}}"))
                .FirstOrDefault(m => m.Success) ?? throw new InvalidOperationException($"no declaration of enum {type.Name} found under src/");
            // Comments and attributes first (a comment may hold commas), then one member between commas.
            var code = declaration.Groups["body"].Value.Split('\n').Select(l => l.Trim())
                .Where(l => !l.StartsWith("//", StringComparison.Ordinal) && !l.StartsWith('['));
            var members = string.Join(' ', code).Split(',').Select(m => m.Trim()).Where(m => m.Length > 0);
            implicitValues.AddRange(members.Where(m => !m.Contains('=')).Select(m => $"{type.Name}.{m}"));
        }

        Assert.Empty(implicitValues);
    }

    [Fact]
    public void Grain_classes_keep_the_grain_type_names_their_stored_state_is_filed_under()
    {
        // Storage files a grain's state under its grain type; these are the names the stored-state sample holds.
        var types = typeof(WorldGrain).Assembly.GetTypes()
            .Where(t => t.IsClass && typeof(Grain).IsAssignableFrom(t))
            .ToDictionary(t => t.Name, t => t.GetCustomAttribute<GrainTypeAttribute>()?.GetGrainType(null!, t).ToString());

        Assert.Equal("world", types["WorldGrain"]);
        Assert.Equal("country", types["CountryGrain"]);
        Assert.Equal("topic", types["TopicGrain"]);
        Assert.Equal("timelinepage", types["TimelinePageGrain"]);
    }
}
