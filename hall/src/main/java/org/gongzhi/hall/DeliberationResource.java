package org.gongzhi.hall;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.hall.DeliberationApi.BallotView;
import org.gongzhi.hall.DeliberationApi.Cast;
import org.gongzhi.hall.DeliberationApi.CommentView;
import org.gongzhi.hall.DeliberationApi.NewComment;
import org.gongzhi.hall.DeliberationApi.NewDecision;
import org.gongzhi.hall.DeliberationApi.NewProxy;
import org.gongzhi.hall.DeliberationApi.NewTopic;
import org.gongzhi.hall.DeliberationApi.NewVote;
import org.gongzhi.hall.DeliberationApi.OfflineBallot;
import org.gongzhi.hall.DeliberationApi.Reason;
import org.gongzhi.hall.DeliberationApi.Suggestion;
import org.gongzhi.hall.DeliberationApi.TopicView;
import org.gongzhi.hall.DeliberationApi.VoteView;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/deliberation")
@Tag(name = "Deliberation hall", description = "老街坊议事厅: residents discuss, vote, decide, and see decisions done")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class DeliberationResource {
    private final TopicService topics;
    private final VotingService votes;
    private final CurrentCaller caller;

    DeliberationResource(TopicService topics, VotingService votes, CurrentCaller caller) {
        this.topics = topics;
        this.votes = votes;
        this.caller = caller;
    }

    @POST
    @Path("/topics")
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Propose a topic, or (workers) turn requests into one")
    @APIResponseSchema(value = TopicView.class, responseCode = "201", responseDescription = "Opened; "
            + "linked requests are now IN_DELIBERATION")
    @Extension(name = "x-refuses-403", value = "Only workers turn requests into topics")
    @Extension(name = "x-refuses-409", value = "A linked request cannot go to the hall in its present status")
    public Uni<Response> open(NewTopic topic) {
        return topics.open(caller.get(), topic).map(v -> Response
                .created(URI.create("/api/deliberation/topics/" + v.id())).entity(v).build());
    }

    @GET
    @Path("/topics")
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "List topics, newest first, with their votes and decisions", description = "Paged: page "
            + "from 0, size 1 to 100 (default 20); each topic as GET /topics/{id} gives it (the newest 20 comments "
            + "and commentCount). Only the caller's community's topics.")
    public Uni<Page<TopicView>> list(@BeanParam TopicSearch search) {
        return topics.list(caller.get(), search);
    }

    @GET
    @Path("/topics/{id}")
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Read a topic: discussion, votes, decision and the progress of its action items",
            description = "The discussion is the newest 20 comments, oldest of them first, and commentCount; "
                    + "GET /topics/{id}/comments pages through all of it.")
    public Uni<TopicView> find(@PathParam("id") UUID id) {
        return topics.find(caller.get(), id);
    }

    @GET
    @Path("/topics/{id}/comments")
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Page through a topic's discussion, oldest first", description = "Paged: page from 0, "
            + "size 1 to 100 (default 20). A hidden comment shows its reason, not its text.")
    public Uni<Page<CommentView>> comments(@PathParam("id") UUID id, @BeanParam CommentSearch search) {
        return topics.comments(caller.get(), id, search);
    }

    @GET
    @Path("/suggestions")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Recurring complaints that could become topics, with the requests as evidence")
    public Uni<List<Suggestion>> suggestions() {
        return topics.suggestions(caller.get());
    }

    @POST
    @Path("/topics/{id}/comments")
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Comment on a topic, or reply to a comment")
    public Uni<TopicView> comment(@PathParam("id") UUID id, NewComment comment) {
        return topics.comment(caller.get(), id, comment);
    }

    @POST
    @Path("/topics/{id}/comments/{commentId}/hide")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Hide a comment with a reason (it stays, shown as hidden)")
    public Uni<TopicView> hide(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId, Reason reason) {
        return topics.hide(caller.get(), id, commentId, reason);
    }

    @POST
    @Path("/topics/{id}/support")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Support a proposal (once per resident)")
    @Consumes(MediaType.WILDCARD)
    public Uni<TopicView> support(@PathParam("id") UUID id) {
        return topics.support(caller.get(), id);
    }

    @POST
    @Path("/topics/{id}/votes")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Open a vote on a topic", description = "rule SIMPLE_MAJORITY (with quorum), DOUBLE_MAJORITY "
            + "or DOUBLE_MAJORITY_MAJOR (Civil Code art. 278); for the double majorities the first option means yes")
    @APIResponseSchema(value = VoteView.class, responseCode = "201", responseDescription = "The vote is open")
    @Extension(name = "x-refuses-409", value = "The topic is already decided")
    public Uni<Response> openVote(@PathParam("id") UUID id, NewVote vote) {
        return votes.open(caller.get(), id, vote).map(v -> Response
                .created(URI.create("/api/deliberation/votes/" + v.vote().id())).entity(v).build());
    }

    @POST
    @Path("/topics/{id}/decision")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Record the decision; its action items become requests for the alliance or volunteers")
    @Extension(name = "x-refuses-409", value = "The topic is already decided")
    public Uni<TopicView> decide(@PathParam("id") UUID id, NewDecision decision) {
        return topics.decide(caller.get(), id, decision);
    }

    @GET
    @Path("/votes/{id}")
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Read a vote: participation while open, the result when closed, and your own choice")
    public Uni<VoteView> vote(@PathParam("id") UUID id) {
        return votes.find(caller.get(), id);
    }

    @POST
    @Path("/votes/{id}/ballots")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Vote for your household (or, as its registered proxy, another); you may change it until the close")
    @Extension(name = "x-refuses-403", value = "Outside the topic's area, not the household's proxy, or (owners' "
            + "matters: DOUBLE_MAJORITY, DOUBLE_MAJORITY_MAJOR) not an owner of the household")
    @Extension(name = "x-refuses-409", value = "Outside the voting window")
    public Uni<VoteView> cast(@PathParam("id") UUID id, Cast cast) {
        return votes.cast(caller.get(), id, cast);
    }

    @POST
    @Path("/votes/{id}/offline-ballots")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Record a paper or show-of-hands ballot for a household")
    @Extension(name = "x-refuses-409", value = "Outside the voting window")
    public Uni<VoteView> offline(@PathParam("id") UUID id, OfflineBallot ballot) {
        return votes.recordOffline(caller.get(), id, ballot);
    }

    @GET
    @Path("/votes/{id}/ballots")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Audit: every household's ballot, who cast it and how")
    public Uni<List<BallotView>> ballots(@PathParam("id") UUID id) {
        return votes.ballots(caller.get(), id);
    }

    @POST
    @Path("/votes/{id}/close")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Close a vote whose window has ended and publish the result")
    @Extension(name = "x-refuses-409", value = "The vote is already closed, or its window is still open")
    @Consumes(MediaType.WILDCARD)
    public Uni<VoteView> close(@PathParam("id") UUID id) {
        return votes.close(caller.get(), id);
    }

    @POST
    @Path("/proxies")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Register a resident as proxy of an elderly or absent household")
    @APIResponse(responseCode = "201", description = "Registered")
    public Uni<Response> proxy(NewProxy proxy) {
        return votes.registerProxy(caller.get(), proxy).map(v -> Response.status(201).build());
    }
}
