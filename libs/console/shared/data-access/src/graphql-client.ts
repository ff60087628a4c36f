import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { TypedDocumentString } from './gql/graphql';
import { StepUpService } from './step-up';

/** An error the API answered with: its `extensions.code`, a message fit to show, and the other extensions (a CONFLICT's counts, say). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** An operation's variables, left out when it has none. */
type VariablesOf<V> = V extends Record<string, never> ? [variables?: V] : [variables: V];

/**
 * Sends GraphQL operations to /graphql with the session cookie; errors become ApiErrors. Every
 * operation is a document `graphql()` made, typed by GraphQL Code Generator from
 * docs/api/schema.graphql (`npm run codegen`): its variables and its answer are the schema's.
 */
@Injectable({ providedIn: 'root' })
export class GraphQLClient {
  private readonly http = inject(HttpClient);
  private readonly stepUp = inject(StepUpService);

  /**
   * Sends the operation; one the server refuses with STEP_UP_REQUIRED waits while the user confirms
   * their identity in place, and is sent again (once): the page never sees the refusal unless the
   * user cancels.
   */
  async request<T, V>(document: TypedDocumentString<T, V>, ...[variables]: VariablesOf<V>): Promise<T> {
    try {
      return await this.send(document, variables);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'STEP_UP_REQUIRED' || !(await this.stepUp.confirm())) throw error;
      return this.send(document, variables);
    }
  }

  private async send<T, V>(document: TypedDocumentString<T, V>, variables: V | undefined): Promise<T> {
    let response: GraphQLResponse<T>;
    try {
      response = await firstValueFrom(this.http.post<GraphQLResponse<T>>('/graphql', { query: document.toString(), variables: variables ?? {} }));
    } catch (error) {
      const body = error instanceof HttpErrorResponse ? (error.error as GraphQLResponse<T> | null) : null;
      if (body?.errors?.length) response = body;
      else throw new ApiError('NETWORK', 'Keyward could not be reached. Check your connection and try again.');
    }
    const first = response.errors?.[0];
    if (first) {
      const { code, ...details } = first.extensions ?? {};
      throw new ApiError(code ?? 'INTERNAL_SERVER_ERROR', first.message, details);
    }
    if (!response.data) throw new ApiError('INTERNAL_SERVER_ERROR', 'Keyward sent an empty answer.');
    return response.data;
  }
}

/** The message to show for any error thrown by a request. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}
