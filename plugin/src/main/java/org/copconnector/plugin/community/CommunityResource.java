package org.copconnector.plugin.community;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.lms.LmsUnavailableException;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.web.ApiException;
import org.copconnector.plugin.web.Reason;
import org.copconnector.plugin.web.SearchText;

/** Communities over HTTP: browse, start, join, leave, and the facilitators' tools. */
@Path("/api/v1/communities")
@Produces(MediaType.APPLICATION_JSON)
public final class CommunityResource {

  /** Whom an invitation is for. */
  public record Invitation(@Length(min = 1, max = 255) String userId) {
    public Invitation {
      if (userId == null || userId.isBlank() || userId.length() > 255) {
        throw ApiException.invalid(Reason.PERSON_REQUIRED, "userId", "userId is required");
      }
    }
  }

  /** A new role for a member. */
  public record RoleChange(Membership.Role role) {
    public RoleChange {
      if (role == null) {
        throw ApiException.invalid(
            Reason.ROLE_REQUIRED, "role", "role is required (facilitator or member)");
      }
    }
  }

  /** The forum chosen for one anchor. */
  public record ForumSelection(@Length(min = 1, max = 255) String forumId) {
    public ForumSelection {
      if (forumId == null || forumId.isBlank() || forumId.length() > 255) {
        throw ApiException.invalid(Reason.FORUM_REQUIRED, "forumId", "forumId is required");
      }
    }
  }

  private final Communities communities;

  public CommunityResource(Communities communities) {
    this.communities = communities;
  }

  @GET
  public List<Communities.Details> browse(
      @QueryParam("q") String text,
      @QueryParam("subject") String subject,
      @QueryParam("cycle") String cycle,
      @QueryParam("focus") String focus,
      @Context ContainerRequestContext request) {
    return communities.browse(
        SessionFilter.of(request),
        new Communities.Query(SearchText.within(text, 200), subject, cycle, focus));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewCommunity community, @Context ContainerRequestContext request) {
    return Response.status(201)
        .entity(communities.create(SessionFilter.of(request), community))
        .build();
  }

  @GET
  @Path("/{id}")
  public Communities.Details get(
      @PathParam("id") String id, @Context ContainerRequestContext request) {
    return communities.get(SessionFilter.of(request), id);
  }

  /** Facilitators change the community's name, domain, profile and joining mode. */
  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Community edit(
      @PathParam("id") String id,
      CommunityChange change,
      @Context ContainerRequestContext request) {
    if (change == null) {
      throw new ApiException(Reason.MISSING_BODY, "a JSON request body is required");
    }
    return communities.edit(SessionFilter.of(request), id, change);
  }

  /** Facilitators: colleagues of the community's courses they may invite, found by name. */
  @GET
  @Path("/{id}/candidates")
  public List<Communities.Candidate> candidates(
      @PathParam("id") String id,
      @QueryParam("q") String text,
      @Context ContainerRequestContext request) {
    return communities.candidates(SessionFilter.of(request), id, SearchText.within(text, 100));
  }

  @POST
  @Path("/{id}/join")
  public Membership join(@PathParam("id") String id, @Context ContainerRequestContext request) {
    return communities.join(SessionFilter.of(request), id);
  }

  @POST
  @Path("/{id}/leave")
  public Response leave(@PathParam("id") String id, @Context ContainerRequestContext request) {
    communities.leave(SessionFilter.of(request), id);
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/invitations")
  @Consumes(MediaType.APPLICATION_JSON)
  public Membership invite(
      @PathParam("id") String id, Invitation invitation, @Context ContainerRequestContext request) {
    return communities.invite(SessionFilter.of(request), id, invitation.userId());
  }

  @POST
  @Path("/{id}/requests/{userId}/approve")
  public Membership approve(
      @PathParam("id") String id,
      @PathParam("userId") String userId,
      @Context ContainerRequestContext request) {
    return communities.approve(SessionFilter.of(request), id, userId);
  }

  @DELETE
  @Path("/{id}/members/{userId}")
  public Response remove(
      @PathParam("id") String id,
      @PathParam("userId") String userId,
      @Context ContainerRequestContext request) {
    communities.remove(SessionFilter.of(request), id, userId);
    return Response.noContent().build();
  }

  @PUT
  @Path("/{id}/members/{userId}/role")
  @Consumes(MediaType.APPLICATION_JSON)
  public Membership setRole(
      @PathParam("id") String id,
      @PathParam("userId") String userId,
      RoleChange change,
      @Context ContainerRequestContext request) {
    return communities.setRole(SessionFilter.of(request), id, userId, change.role());
  }

  @GET
  @Path("/{id}/courses/{courseId}/forums")
  public List<Communities.ForumChoice> forums(
      @PathParam("id") String id,
      @PathParam("courseId") String courseId,
      @Context ContainerRequestContext request) {
    try {
      return communities.forums(SessionFilter.of(request), id, courseId);
    } catch (LmsUnavailableException e) {
      throw new ApiException(Reason.LMS_UNAVAILABLE, e.getMessage());
    }
  }

  @PUT
  @Path("/{id}/courses/{courseId}/forum")
  @Consumes(MediaType.APPLICATION_JSON)
  public Communities.ForumChoice chooseForum(
      @PathParam("id") String id,
      @PathParam("courseId") String courseId,
      ForumSelection selection,
      @Context ContainerRequestContext request) {
    try {
      return communities.chooseForum(SessionFilter.of(request), id, courseId, selection.forumId());
    } catch (LmsUnavailableException e) {
      throw new ApiException(Reason.LMS_UNAVAILABLE, e.getMessage());
    }
  }

  @POST
  @Path("/{id}/archive")
  public Community archive(@PathParam("id") String id, @Context ContainerRequestContext request) {
    return communities.setArchived(SessionFilter.of(request), id, true);
  }

  @POST
  @Path("/{id}/restore")
  public Community restore(@PathParam("id") String id, @Context ContainerRequestContext request) {
    return communities.setArchived(SessionFilter.of(request), id, false);
  }
}
