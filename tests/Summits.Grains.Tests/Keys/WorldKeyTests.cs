namespace Summits.Grains.Tests;

/// <summary>
/// The key grammar of <see cref="WorldKey"/>, with keys written out by hand. A hashed key's last 12 characters are the
/// first 12 hex digits of SHA-256 over the parts, each as its UTF-8 length in 4 little-endian bytes and then its bytes,
/// worked out with printf and sha256sum as each test's comment shows.
/// </summary>
public sealed class WorldKeyTests
{
    [Fact]
    public void A_world_id_is_its_own_key_and_its_grains_keys_add_a_slash_and_the_id()
    {
        var key = WorldKey.Of("abe-trump-2017-11-06");

        Assert.Equal("abe-trump-2017-11-06", key.Value);
        Assert.Equal("abe-trump-2017-11-06/JP", key.Country("JP"));
        Assert.Equal("abe-trump-2017-11-06/usfj-realignment", key.Topic("usfj-realignment"));
        Assert.Equal("abe-trump-2017-11-06/timeline-0", key.TimelinePage(0));
        Assert.Equal("abe-trump-2017-11-06/timeline-12", key.TimelinePage(12));
    }

    [Fact]
    public void Derived_keys_that_join_into_an_id_read_as_their_parts()
    {
        Assert.Equal("okinawa-hold", WorldKey.Branch("okinawa", "hold").Value);
        Assert.Equal("okinawa-compare-b", WorldKey.ComparisonSide("okinawa", 'b').Value);
        Assert.Equal("abe-trump-2017-11-06-table-1", WorldKey.Exercise("abe-trump-2017-11-06", "table-1").Value);
        Assert.Equal("us-presses-bilateral-fta-42-lane-3", WorldKey.Lane("us-presses-bilateral-fta", 42, 3).Value);
        // 18446744073709551615 is ulong.MaxValue, written out in full.
        Assert.Equal("s-18446744073709551615-lane-0", WorldKey.Lane("s", ulong.MaxValue, 0).Value);
    }

    [Fact]
    public void A_lane_of_a_forks_branch_has_a_valid_key_with_its_hash()
    {
        // A what-if study of branch 'alt' runs scenario id "okinawa-basing#alt" (ScenarioSettings.Script joins them with '#').
        // Joined: "okinawa-basing#alt-42-lane-0", not an id ('#'); prefix "okinawa-basing-alt-42-lane-0" ('#' made '-').
        // printf '\x12\x00\x00\x00okinawa-basing#alt\x02\x00\x00\x0042\x04\x00\x00\x00lane\x01\x00\x00\x000' | sha256sum
        //   = 0842527340e20146b9b4fc1bbfae2165b1120edc56d1023c7aa0b814fc3decfe (18 = 0x12 characters in the id)
        var key = WorldKey.Lane("okinawa-basing#alt", 42, 0);

        Assert.Equal("okinawa-basing-alt-42-lane-0-0842527340e2", key.Value);
        Assert.True(WorldKey.IsId(key.Value));
        Assert.Equal("okinawa-basing-alt-42-lane-0-0842527340e2/JP", key.Country("JP"));
        // The key of a scenario really named "okinawa-basing-alt" is its parts alone, so the two never meet.
        Assert.Equal("okinawa-basing-alt-42-lane-0", WorldKey.Lane("okinawa-basing-alt", 42, 0).Value);
    }

    [Fact]
    public void A_part_of_200_characters_is_cut_to_51_and_hashed_into_64()
    {
        var id = new string('k', 200);
        // printf '\xc8\x00\x00\x00kkk…k (200 of them)' | sha256sum = 3db67fc015a1c909d80cf275225b0cd33db34ddfabd44a22ed0983532b54aa50
        // (200 = 0xc8); the key is 51 'k's, '-', 12 hex digits: 51 + 1 + 12 = 64 characters.
        var key = WorldKey.Derived(id);

        Assert.Equal(new string('k', 51) + "-3db67fc015a1", key.Value);
        Assert.Equal(64, key.Value.Length);
        var refused = Assert.Throws<ArgumentException>(() => WorldKey.Of(id));
        Assert.StartsWith($"a world key must be {WorldKey.IdRule}, not 'kkk", refused.Message);
        Assert.Contains("(200 characters)", refused.Message);
        Assert.DoesNotContain("\n", refused.Message);
    }

    [Fact]
    public void Two_branches_that_differ_only_after_the_cut_have_different_keys()
    {
        var world = new string('w', 64);
        // Both join to 64 'w's, '-' and the branch: 69 and 70 characters, so both are cut to 51 'w's and hashed.
        // printf '\x40\x00\x00\x00www…w (64)\x04\x00\x00\x00left'  | sha256sum = 857026a602c2f876f7c8…
        // printf '\x40\x00\x00\x00www…w (64)\x05\x00\x00\x00right' | sha256sum = fd9978abcf98df8e600d…
        var left = WorldKey.Branch(world, "left");
        var right = WorldKey.Branch(world, "right");

        Assert.Equal(new string('w', 51) + "-857026a602c2", left.Value);
        Assert.Equal(new string('w', 51) + "-fd9978abcf98", right.Value);
        Assert.NotEqual(left, right);
    }

    [Theory]
    [InlineData("class/table-1")]
    [InlineData("okinawa#alt")]
    [InlineData("-leading-dash")]
    [InlineData("two words")]
    [InlineData("")]
    [InlineData("ümlaut")]
    public void A_key_with_a_character_an_id_may_not_hold_is_refused_in_one_line_naming_the_rule(string text)
    {
        var error = Assert.Throws<FormatException>(() => WorldKey.Parse(text));

        Assert.Equal($"a world key must be ASCII letters, digits, '-' or '_', starting with a letter or digit, at most 64 characters (no spaces or '/'), not '{text}' ({text.Length} characters)", error.Message);
    }

    [Fact]
    public void A_key_of_65_characters_is_refused_and_one_of_64_is_read()
    {
        Assert.Equal(new string('a', 64), WorldKey.Parse(new string('a', 64)).Value);
        Assert.Throws<FormatException>(() => WorldKey.Parse(new string('a', 65)));
    }

    [Fact]
    public void A_grain_key_splits_into_its_world_and_id_and_a_page_key_gives_its_advance()
    {
        var (world, id) = WorldKey.Split("okinawa-basing-alt-42-0-d612f679d410/usfj-realignment");
        Assert.Equal(WorldKey.Parse("okinawa-basing-alt-42-0-d612f679d410"), world);
        Assert.Equal("usfj-realignment", id);

        Assert.Equal(7, WorldKey.PageOf("okinawa/timeline-7"));
        Assert.Throws<FormatException>(() => WorldKey.PageOf("okinawa/timeline-07"));
        Assert.Throws<FormatException>(() => WorldKey.PageOf("okinawa/JP"));
        Assert.Equal("a grain key of a world's part must be {world}/{id}, not 'okinawa'",
            Assert.Throws<FormatException>(() => WorldKey.Split("okinawa")).Message);
        Assert.Throws<FormatException>(() => WorldKey.Split("okinawa/JP/extra"));
        Assert.Throws<FormatException>(() => WorldKey.Split("oki#nawa/JP"));
    }

    [Fact]
    public void A_grains_id_that_is_not_an_id_is_refused()
    {
        var key = WorldKey.Of("okinawa");

        Assert.Throws<ArgumentException>(() => key.Country("J P"));
        Assert.Throws<ArgumentException>(() => key.Topic("a/b"));
        Assert.Throws<ArgumentOutOfRangeException>(() => key.TimelinePage(-1));
        Assert.Throws<InvalidOperationException>(() => default(WorldKey).Value);
    }
}
