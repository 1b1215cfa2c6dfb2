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
