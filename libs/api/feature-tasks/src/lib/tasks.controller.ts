import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiTags,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiProduces,
} from '@nestjs/swagger';
import {
  Actor,
  CurrentPrincipal,
  RequirePermissions,
  type AuditActor,
  type Principal,
  ApiErrors,
} from '@efficacy/api/core';
import type { TaskAction } from '@efficacy/api-contract';
import { MAX_EVIDENCE_BYTES } from './evidence';
import {
  ActDto,
  BulkOpenDto,
  ExtensionDto,
  ListTasksQueryDto,
  OpenTaskDto,
  OverviewQueryDto,
  ReminderPolicyDto,
  ReminderPolicyQueryDto,
  SubmitDto,
} from './task.dto';
import { ReminderPolicyService } from './reminder-policy.service';
import { TaskEvidenceService } from './task-evidence.service';
import { TaskQueriesService } from './task-queries.service';
import { TaskWorkflowService } from './task-workflow.service';
import {
  TaskSummaryDto,
  TaskDetailDto,
  BulkOpenResultDto,
  CityViewRowDto,
  RegionReminderPolicyDto,
  TaskEvidenceDto,
} from './task-responses.dto';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });
// One byte over the limit reaches the check, which names the limit in its answer.
const upload = FileInterceptor('file', { limits: { fileSize: MAX_EVIDENCE_BYTES + 1, files: 1 } });

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly workflow: TaskWorkflowService,
    private readonly queries: TaskQueriesService,
    private readonly evidenceFiles: TaskEvidenceService,
    private readonly policies: ReminderPolicyService,
  ) {}

  @ApiOkResponse({ type: TaskSummaryDto, isArray: true })
  @Get()
  @RequirePermissions('task:read')
  @ApiOperation({
    summary:
      "Tasks in scope, soonest deadline first; inbox=unit|sign-off|verify|opened for a role's inbox; limit (≤ 500) and offset page them, X-Total-Count says how many match",
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListTasksQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { limit, offset, ...filter } = query;
    const page = await this.queries.page(principal, filter, limit, offset);
    res.setHeader('x-total-count', String(page.total));
    return page.items;
  }

  @ApiCreatedResponse({ type: TaskDetailDto })
  @ApiErrors({
    400: 'a field fails validation, or the title is blank',
    404: 'no such unit or region',
    422: 'a task from an indicator needs its figure for the subject and period',
  })
  @Post()
  @RequirePermissions('task:open')
  @ApiOperation({ summary: 'Open a task (assigned at once unless assign=false)' })
  open(@Actor() actor: AuditActor, @Body() body: OpenTaskDto) {
    return this.workflow.open(actor, body);
  }

  @ApiCreatedResponse({ type: BulkOpenResultDto })
  @ApiErrors({ 400: 'a field fails validation', 404: 'no such region' })
  @Post('bulk')
  @RequirePermissions('task:open')
  @ApiOperation({ summary: 'Open one task per unit below target for an indicator and period' })
  bulk(@Actor() actor: AuditActor, @Body() body: BulkOpenDto) {
    return this.workflow.bulkOpen(actor, body);
  }

  @ApiOkResponse({ type: CityViewRowDto, isArray: true })
  @Get('overview')
  @RequirePermissions('task:read')
  @ApiOperation({ summary: 'City view: tasks by county and state, with overdue and red counts' })
  overview(@CurrentPrincipal() principal: Principal, @Query() query: OverviewQueryDto) {
    return this.queries.cityView(principal, query.region);
  }

  @ApiOkResponse({ type: RegionReminderPolicyDto })
  @ApiErrors({ 404: 'no such region' })
  @Get('reminder-policy')
  @RequirePermissions('task:read')
  @ApiOperation({
    summary:
      "The reminder thresholds in force for a region: its own, the nearest region above's, or the default",
  })
  policy(@CurrentPrincipal() principal: Principal, @Query() query: ReminderPolicyQueryDto) {
    return this.policies.policy(principal, query.region);
  }

  @ApiOkResponse({ type: RegionReminderPolicyDto })
  @ApiErrors({ 400: 'a threshold is out of range', 404: 'no such region' })
  @Put('reminder-policy')
  @RequirePermissions('calendar:write')
  @ApiOperation({
    summary:
      'Set the working days before and after the deadline for reminders in a region of your scope, inherited below it (audited)',
  })
  setPolicy(
    @Actor() actor: AuditActor,
    @Query() query: ReminderPolicyQueryDto,
    @Body() body: ReminderPolicyDto,
  ) {
    return this.policies.setPolicy(actor, query.region, body);
  }

  @ApiOkResponse({ type: TaskDetailDto })
  @ApiOperation({ summary: 'One task with its events, evidence and the figure it was opened on' })
  @ApiErrors({ 404: 'no task with this id in your scope' })
  @Get(':id')
  @RequirePermissions('task:read')
  get(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string) {
    return this.queries.get(principal, id);
  }

  @ApiOkResponse({ type: TaskDetailDto })
  @ApiOperation({ summary: 'Assign a draft task to its lead unit; the deadline clock starts' })
  @ApiErrors({
    404: 'no task with this id in your scope',
    409: 'the task is not in a state this action applies to',
  })
  @Post(':id/assign')
  @HttpCode(200)
  @RequirePermissions('task:assign')
  assign(@Actor() actor: AuditActor, @Param('id', uuid) id: string) {
    return this.act(actor, id, 'assign', {});
  }

  @ApiOkResponse({ type: TaskDetailDto })
  @ApiErrors({
    404: 'no task with this id in your scope',
    409: 'the task is not in a state this action applies to',
  })
  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequirePermissions('task:work')
  @ApiOperation({ summary: '签收: the lead unit acknowledges the task' })
  acknowledge(@Actor() actor: AuditActor, @Param('id', uuid) id: string) {
    return this.act(actor, id, 'acknowledge', {});
  }

  @ApiOkResponse({ type: TaskDetailDto })
  @ApiOperation({ summary: 'The lead unit starts the rectification' })
  @ApiErrors({
    404: 'no task with this id in your scope',
    409: 'the task is not in a state this action applies to',
  })
  @Post(':id/start')
  @HttpCode(200)
  @RequirePermissions('task:work')
  start(@Actor() actor: AuditActor, @Param('id', uuid) id: string) {
    return this.act(actor, id, 'start', {});
  }

  @ApiOkResponse({ type: TaskDetailDto })
  @ApiErrors({
    400: 'the report is empty',
    404: 'no task with this id in your scope',
    409: 'the task is not in a state this action applies to',
  })
  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermissions('task:work')
  @ApiOperation({ summary: 'Submit the rectification report (evidence attached before)' })
  submit(@Actor() actor: AuditActor, @Param('id', uuid) id: string, @Body() body: SubmitDto) {
    return this.act(actor, id, 'submit', { report: body.report });
  }

  @ApiOkResponse({ type: TaskDetailDto })
  @ApiErrors({
    404: 'no task with this id in your scope',
    409: 'the task is not in a state this action applies to',
  })
  @Post(':id/sign-off')
  @HttpCode(200)
  @RequirePermissions('task:sign-off')
  @ApiOperation({ summary: 'Sign-off by a department head of the lead unit' })
  signOff(@Actor() actor: AuditActor, @Param('id', uuid) id: string) {
    return this.act(actor, id, 'sign_off', {});
  }

  /** Returned (退回) at sign-off by the lead unit's head, or at verification by the opening level. */
  @ApiOkResponse({ type: TaskDetailDto })
  @ApiErrors({
    404: 'no task with this id in your scope',
    409: 'the task is not in a state this action applies to',
  })
  @Post(':id/return')
  @HttpCode(200)
  @RequirePermissions('task:read')
  @ApiOperation({ summary: '退回 with a reason: back to in progress' })
  giveBack(@Actor() actor: AuditActor, @Param('id', uuid) id: string, @Body() body: ActDto) {
    return this.act(actor, id, 'return', body);
  }

  @ApiOkResponse({ type: TaskDetailDto })
  @ApiErrors({
    404: 'no task with this id in your scope',
    409: 'the task is not in a state this action applies to',
  })
  @Post(':id/verify')
  @HttpCode(200)
  @RequirePermissions('task:verify')
  @ApiOperation({ summary: 'Verify and close; queues the effect check' })
  verify(@Actor() actor: AuditActor, @Param('id', uuid) id: string) {
    return this.act(actor, id, 'verify', {});
  }

  @ApiOkResponse({ type: TaskDetailDto })
  @ApiErrors({
    400: 'until is not a later date, or the reason is empty',
    404: 'no task with this id in your scope',
    409: 'the task is not in a state this action applies to',
  })
  @Post(':id/extension')
  @HttpCode(200)
  @RequirePermissions('task:work')
  @ApiOperation({ summary: '延期: ask for a later deadline, before the deadline' })
  requestExtension(
    @Actor() actor: AuditActor,
    @Param('id', uuid) id: string,
    @Body() body: ExtensionDto,
  ) {
    return this.act(actor, id, 'request_extension', body);
  }

  @ApiOkResponse({ type: TaskDetailDto })
  @ApiOperation({
    summary: 'Grant the requested extension: the deadline moves to the date asked for (audited)',
  })
  @ApiErrors({ 404: 'no task with this id in your scope', 409: 'no extension is pending' })
  @Post(':id/extension/grant')
  @HttpCode(200)
  @RequirePermissions('task:open')
  grantExtension(@Actor() actor: AuditActor, @Param('id', uuid) id: string, @Body() body: ActDto) {
    return this.act(actor, id, 'grant_extension', body);
  }

  @ApiOkResponse({ type: TaskDetailDto })
  @ApiOperation({ summary: 'Refuse the requested extension, with a reason; the deadline stays' })
  @ApiErrors({ 404: 'no task with this id in your scope', 409: 'no extension is pending' })
  @Post(':id/extension/refuse')
  @HttpCode(200)
  @RequirePermissions('task:open')
  refuseExtension(@Actor() actor: AuditActor, @Param('id', uuid) id: string, @Body() body: ActDto) {
    return this.act(actor, id, 'refuse_extension', body);
  }

  @ApiOkResponse({ type: TaskDetailDto })
  @ApiOperation({ summary: 'Cancel the task, with a reason (audited)' })
  @ApiErrors({
    404: 'no task with this id in your scope',
    409: 'the task is already closed or cancelled',
  })
  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermissions('task:open')
  cancel(@Actor() actor: AuditActor, @Param('id', uuid) id: string, @Body() body: ActDto) {
    return this.act(actor, id, 'cancel', body);
  }

  @ApiCreatedResponse({ type: TaskEvidenceDto })
  @ApiErrors({
    400: 'no file in the multipart field "file"',
    404: 'no task with this id in your scope',
    422: 'the file is empty, over 10 MB, or not a PDF, PNG, JPEG, DOCX or XLSX',
  })
  @Post(':id/evidence')
  @RequirePermissions('task:work')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({ summary: 'Attach evidence: PDF, PNG, JPEG, DOCX or XLSX up to 10 MB' })
  addEvidence(
    @Actor() actor: AuditActor,
    @Param('id', uuid) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ) {
    return this.evidenceFiles.add(actor, id, file);
  }

  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  @ApiProduces('application/octet-stream')
  @ApiErrors({ 404: 'no such task or evidence file in your scope' })
  @Get(':id/evidence/:evidenceId')
  @RequirePermissions('task:read')
  @ApiOperation({ summary: 'Download one evidence file (audited)' })
  async evidence(
    @Actor() actor: AuditActor,
    @Param('id', uuid) id: string,
    @Param('evidenceId', uuid) evidenceId: string,
  ) {
    const { name, type, bytes } = await this.evidenceFiles.download(actor, id, evidenceId);
    return new StreamableFile(bytes, {
      type,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  }

  private act(
    actor: AuditActor,
    id: string,
    action: TaskAction,
    body: { reason?: string; until?: string; report?: string },
  ) {
    return this.workflow.act(actor, id, action, body);
  }
}
