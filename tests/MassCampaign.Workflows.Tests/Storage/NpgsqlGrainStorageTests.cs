using MassCampaign.Testing;
using MassCampaign.Workflows.Storage;
using Orleans.Storage;

namespace MassCampaign.Workflows.Tests.Storage;

public sealed class NpgsqlGrainStorageTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private NpgsqlGrainStorage Storage => new(GrainStorageNames.Campaigns, database.DataSource, GrainStateJson.Options);

    [Fact]
    public async Task A_state_never_written_reads_as_empty_without_an_etag()
    {
        var read = new GrainState<SampleState>();

        await Storage.ReadStateAsync("sample", NewGrainId(), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(0, read.State!.Count);
    }

    [Fact]
    public async Task A_written_state_reads_back_with_its_version()
    {
        var grain = NewGrainId();
        var written = new GrainState<SampleState>(new SampleState { Count = 3, Names = ["a", "b"] });
        await Storage.WriteStateAsync("sample", grain, written);
        written.State!.Count = 4;
        await Storage.WriteStateAsync("sample", grain, written);

        var read = new GrainState<SampleState>();
        await Storage.ReadStateAsync("sample", grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal("2", read.ETag);
        Assert.Equal(4, read.State!.Count);
        Assert.Equal(["a", "b"], read.State!.Names);
    }

    [Fact]
    public async Task A_write_based_on_a_stale_version_is_rejected()
    {
        var grain = NewGrainId();
        var first = new GrainState<SampleState>(new SampleState { Count = 1 });
        await Storage.WriteStateAsync("sample", grain, first);
        var second = new GrainState<SampleState>();
        await Storage.ReadStateAsync("sample", grain, second);
        second.State!.Count = 2;
        await Storage.WriteStateAsync("sample", grain, second);

        first.State!.Count = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("sample", grain, first));

        var read = new GrainState<SampleState>();
        await Storage.ReadStateAsync("sample", grain, read);
        Assert.Equal(2, read.State!.Count);
    }

    [Fact]
    public async Task Two_first_writes_of_the_same_grain_conflict()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync("sample", grain, new GrainState<SampleState>(new SampleState { Count = 1 }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.WriteStateAsync("sample", grain, new GrainState<SampleState>(new SampleState { Count = 2 })));
    }

    [Fact]
    public async Task States_of_one_grain_under_different_names_are_kept_apart()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync("one", grain, new GrainState<SampleState>(new SampleState { Count = 1 }));
        await Storage.WriteStateAsync("two", grain, new GrainState<SampleState>(new SampleState { Count = 2 }));

        var one = new GrainState<SampleState>();
        await Storage.ReadStateAsync("one", grain, one);

        Assert.Equal(1, one.State!.Count);
    }

    [Fact]
    public async Task Clearing_removes_the_state_and_a_stale_clear_is_rejected()
    {
        var grain = NewGrainId();
        var state = new GrainState<SampleState>(new SampleState { Count = 5 });
        await Storage.WriteStateAsync("sample", grain, state);
        var stale = new GrainState<SampleState> { ETag = state.ETag };
        await Storage.WriteStateAsync("sample", grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync("sample", grain, stale));
        await Storage.ClearStateAsync("sample", grain, state);

        var read = new GrainState<SampleState>();
        await Storage.ReadStateAsync("sample", grain, read);
        Assert.False(read.RecordExists);
        Assert.Null(state.ETag);
    }

    private static GrainId NewGrainId() => GrainId.Create("sample", Guid.NewGuid().ToString("N"));

    public sealed class SampleState
    {
        public int Count { get; set; }

        public List<string> Names { get; set; } = [];
    }
}
